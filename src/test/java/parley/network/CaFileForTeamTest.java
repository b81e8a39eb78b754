package parley.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ProxySelector;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.store.SessionSecrets;
import parley.store.Settings;

/** The company CA file the team workspace's TLS trusts: the network setting's, else PARLEY_CA_FILE's. */
class CaFileForTeamTest {
    @TempDir Path home;

    @Test
    void theSettingWinsOverTheEnvironmentAndNeitherMeansNone() {
        try (Database db = AppDatabase.open(home.resolve("parley.db"))) {
            NetworkSettingsStore store = new NetworkSettingsStore(new Settings(db), new SessionSecrets("test"));
            Map<String, String> env = Map.of(NetworkSetup.CA_FILE_ENV, " /etc/env-ca.pem ");
            assertThat(service(store, Map.of()).caFile()).isNull();
            assertThat(service(store, env).caFile()).isEqualTo("/etc/env-ca.pem");
            store.save(new NetworkSettings("", 0, "", "/etc/company-ca.pem"), null);
            assertThat(service(store, env).caFile()).isEqualTo("/etc/company-ca.pem");
        }
    }

    private static NetworkService service(NetworkSettingsStore store, Map<String, String> env) {
        return new NetworkService(store, env, ProxySelector.getDefault(), transport -> { });
    }
}
