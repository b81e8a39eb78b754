package parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stores, reads and forgets a key in the real OS keyring. Runs where a keyring answers (CI starts
 * gnome-keyring on a private D-Bus session for it); elsewhere it is skipped, saying why.
 */
class OsKeyringTest {
    private SecretStore keyring;

    @BeforeEach
    void openKeyring() {
        Optional<SecretStore> found = OsKeyring.open();
        if ("1".equals(System.getenv("PARLEY_REQUIRE_KEYRING"))) {
            assertThat(found).as("PARLEY_REQUIRE_KEYRING=1 but no OS keyring answers").isPresent();
        }
        assumeTrue(found.isPresent(), "No OS keyring answers here (on Linux: no Secret Service on the D-Bus "
                + "session bus); run under `dbus-run-session` with gnome-keyring-daemon unlocked, as .ci/run does.");
        keyring = found.get();
    }

    @Test
    void keepsReadsAndForgetsAKey() {
        String provider = "parley-test-" + UUID.randomUUID();
        String key = "sk-test-" + UUID.randomUUID();

        keyring.put(provider, key);
        assertThat(keyring.get(provider)).contains(key);
        assertThat(OsKeyring.open().orElseThrow().get(provider)).as("a second opening reads the same key").contains(key);

        keyring.forget(provider);
        assertThat(keyring.get(provider)).isEmpty();
        assertThat(keyring.persistent()).isTrue();
        assertThat(keyring.description()).startsWith("Keys are kept in the system keyring");
    }

    @Test
    void replacingAKeyKeepsOnlyTheNewOne() {
        String provider = "parley-test-" + UUID.randomUUID();
        keyring.put(provider, "sk-old");
        keyring.put(provider, "sk-new");
        try {
            assertThat(keyring.get(provider)).contains("sk-new");
        } finally {
            keyring.forget(provider);
        }
    }

    @Test
    void forgettingAnUnknownKeyIsQuiet() {
        keyring.forget("parley-test-never-stored-" + UUID.randomUUID());
        assertThat(keyring.get("parley-test-never-stored")).isEmpty();
    }
}
