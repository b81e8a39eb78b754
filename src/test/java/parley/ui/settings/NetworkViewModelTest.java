package parley.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.Transport;
import parley.network.NetworkService;
import parley.network.NetworkSettings;
import parley.network.NetworkSettingsStore;
import parley.store.Database;
import parley.store.SessionSecrets;
import parley.store.Settings;
import parley.testing.TestCa;
import parley.ui.UiThread;

class NetworkViewModelTest {
    @TempDir Path dir;
    private Database db;
    private Settings settings;
    private final SessionSecrets secrets = new SessionSecrets("for this test");
    private final List<Transport> used = new ArrayList<>();
    private final AtomicInteger applied = new AtomicInteger();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("parley.db"), Settings.MIGRATIONS);
        settings = new Settings(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private NetworkViewModel model(Map<String, String> env) {
        NetworkService service = new NetworkService(new NetworkSettingsStore(settings, secrets), env, null, used::add);
        return new NetworkViewModel(service, Runnable::run, UiThread.DIRECT, applied::incrementAndGet);
    }

    @Test
    void loadingPutsTheSettingsToUseAndShowsTheEnvironmentWithoutPasswords() {
        NetworkViewModel vm = model(Map.of("HTTPS_PROXY", "http://bob:hunter2@env.proxy:3128", "NO_PROXY", ".corp"));

        vm.load();

        assertThat(used).hasSize(1);
        assertThat(applied).as("the model list is fetched once the settings are in use").hasValue(1);
        assertThat(vm.stateProperty().get()).isEqualTo(NetworkViewModel.State.IDLE);
        assertThat(vm.environmentProperty().get()).isEqualTo("HTTPS_PROXY=http://…@env.proxy:3128\nNO_PROXY=.corp");
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void savingStoresTheProxyWithItsPasswordInTheSecretStoreAndUsesIt() {
        NetworkViewModel vm = model(Map.of());
        vm.load();

        vm.save(" proxy.corp ", "3128", "alice", "s3cret", "");

        assertThat(vm.messageProperty().get()).isEqualTo("Saved: requests to providers go through proxy.corp:3128.");
        assertThat(vm.settingsProperty().get()).isEqualTo(new NetworkSettings("proxy.corp", 3128, "alice", ""));
        assertThat(vm.passwordKeptProperty().get()).isTrue();
        assertThat(secrets.get("network-proxy")).contains("s3cret");
        assertThat(settings.withPrefix("network.")).containsEntry("network.proxy_host", "proxy.corp")
                .containsEntry("network.proxy_port", "3128").containsEntry("network.proxy_user", "alice")
                .allSatisfy((k, v) -> assertThat(v).doesNotContain("s3cret"));
        assertThat(applied).hasValue(2);
        assertThat(used).hasSize(2);
        InetSocketAddress chosen = (InetSocketAddress) used.getLast().proxies().select(URI.create("https://api.openai.com/v1")).getFirst().address();
        assertThat(chosen.getHostString()).isEqualTo("proxy.corp");

        vm.save("proxy.corp", "3128", "alice", "", "");
        assertThat(secrets.get("network-proxy")).as("an empty password field keeps the stored one").contains("s3cret");
        vm.save("proxy.corp", "3128", "", "", "");
        assertThat(secrets.get("network-proxy")).as("no user, no password").isEmpty();
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingIsStored() {
        NetworkViewModel vm = model(Map.of());
        vm.load();

        vm.save("proxy.corp", "31x8", "", "", "");
        assertThat(vm.messageProperty().get()).startsWith("Proxy port: a number from 1 to 65535");
        vm.save("http://proxy.corp:3128", "3128", "", "", "");
        assertThat(vm.messageProperty().get()).startsWith("Proxy host: give the name or address alone");
        vm.save("proxy.corp:3128", "", "", "", "");
        assertThat(vm.messageProperty().get()).startsWith("Proxy port: a number");
        vm.save("proxy.corp:3128", "3128", "", "", "");
        assertThat(vm.messageProperty().get()).isEqualTo("Proxy host: put the port in the Port field (was proxy.corp:3128).");
        vm.save("", "", "alice", "", "");
        assertThat(vm.messageProperty().get()).startsWith("Proxy user: set the proxy's host and port too");
        vm.save("proxy.corp", "3128", "", "", dir.resolve("missing.pem").toString());
        assertThat(vm.messageProperty().get()).startsWith("The CA file setting: ").contains("does not exist");

        assertThat(vm.stateProperty().get()).isEqualTo(NetworkViewModel.State.IDLE);
        assertThat(settings.withPrefix("network.")).isEmpty();
        assertThat(applied).as("only the load's").hasValue(1);
    }

    @Test
    void aCaFileIsCheckedThenKeptAndAStoredOneThatWentMissingIsReported() throws Exception {
        Path pem = TestCa.create().writeCaPem(dir.resolve("ca.pem"));
        NetworkViewModel vm = model(Map.of());
        vm.load();

        vm.save("", "", "", "", pem.toString());
        assertThat(vm.messageProperty().get()).contains("Certificates signed by " + pem + " are trusted too.");
        assertThat(used.getLast().tls()).isNotNull();

        java.nio.file.Files.delete(pem);
        NetworkViewModel again = model(Map.of());
        again.load();
        assertThat(again.messageProperty().get()).startsWith("The CA file setting: ").contains("does not exist");
        assertThat(used.getLast()).isEqualTo(Transport.JDK_DEFAULT);
        assertThat(again.settingsProperty().get().caFile()).as("the setting is shown to be fixed").isEqualTo(pem.toString());
    }
}
