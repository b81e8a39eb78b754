package parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.store.OsKeyring;
import parley.store.SecretStore;
import parley.testing.ForwardingProxy;
import parley.testing.ForwardingProxy.Handled;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.testing.TestCa;
import parley.ui.models.ProviderViewModel;

/**
 * The window's Network dialog on Monocle: a proxy that wants a password and a company CA file are
 * set in the form, and the model list then comes through that proxy from a server the CA signed.
 */
class NetworkWindowFxTest extends FxRobot {
    private static final String PASSWORD_ID = "network-proxy";
    private static final TestCa CA = TestCa.create();

    @TempDir
    Path home;
    private ScriptedServer server;
    private ForwardingProxy proxy;
    private WindowAssembly assembly;
    private Optional<SecretStore> keyring;
    private Optional<String> keptBefore = Optional.empty();

    @BeforeEach
    void start() throws Exception {
        keyring = OsKeyring.open(); // the window keeps the proxy's password there when it answers
        keyring.ifPresent(k -> keptBefore = k.get(PASSWORD_ID));
        server = ScriptedServer.startTls(CA.serverContext())
                .fallback(r -> Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"behind-the-proxy\"}]}"));
        proxy = ForwardingProxy.requiring("alice", "s3cret");
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            assembly = WindowAssembly.open(AppDatabase.open(home.resolve("parley.db")), Map.of(), UiThread.FX);
            stage.setScene(DesktopApp.scene(assembly, 1260, 780));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (assembly != null) interact(assembly::close);
        server.close();
        proxy.close();
        keyring.ifPresent(k -> keptBefore.ifPresentOrElse(p -> k.put(PASSWORD_ID, p), () -> k.forget(PASSWORD_ID)));
    }

    @Test
    void theProxyAndCaFileSetInTheDialogCarryTheModelList() throws Exception {
        clickOn("#add-provider");
        TextField url = lookup("#base-url-input").queryAs(TextField.class);
        clickOn(url).write(server.baseUrl("api.test")).type(KeyCode.ENTER);
        waitUntil(() -> assembly.providers().modelsStateProperty().get() == ProviderViewModel.ModelsState.FAILED);
        assertThat(server.requestCount()).as("without the CA file the server's certificate is refused").isZero();
        interact(() -> assembly.network().load()); // as windowShown does; after the switch, so nothing reaches Atlas Cloud
        waitUntil(() -> assembly.network().stateProperty().get() == parley.ui.settings.NetworkViewModel.State.IDLE);

        Path pem = CA.writeCaPem(home.resolve("company-ca.pem"));
        clickOn("#network-button");
        write("#network-proxy-host", "127.0.0.1");
        write("#network-proxy-port", Integer.toString(proxy.port()));
        write("#network-proxy-user", "alice");
        write("#network-proxy-password", "s3cret");
        write("#network-ca-file", pem.toString());
        clickOn("#network-save");
        waitUntil(() -> assembly.network().messageProperty().get().startsWith("Saved"));
        assertThat(assembly.network().messageProperty().get())
                .isEqualTo("Saved: requests to providers go through 127.0.0.1:" + proxy.port() + ". Certificates signed by "
                        + pem + " are trusted too.");

        waitUntil(() -> assembly.providers().modelsStateProperty().get() == ProviderViewModel.ModelsState.LOADED);
        assertThat(assembly.providers().models()).extracting(m -> m.id()).containsExactly("behind-the-proxy");
        assertThat(proxy.handled()).containsExactly(new Handled("CONNECT", "api.test:" + server.port(), false),
                new Handled("CONNECT", "api.test:" + server.port(), true));
        assertThat(assembly.network().passwordKeptProperty().get()).isTrue();
        assertThat(lookup("#network-proxy-password").queryAs(TextField.class).getText()).as("the typed password is not kept in the form").isEmpty();
    }

    private void write(String id, String text) {
        TextField field = lookup(id).queryAs(TextField.class);
        interact(() -> field.setText(text));
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
