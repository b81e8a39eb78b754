package parley.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import parley.store.SecretStore;
import parley.store.SessionSecrets;
import parley.testing.MarksInMemory;
import parley.ui.UiThread;

/** Where a typed key goes, how it is shown, and Forget key. */
class KeyStorageTest {
    static final String KEY = "sk-typed-0123456789abcdef-9876";

    @Test
    void aKeyInTheKeyringIsShownMaskedAndForgotten() {
        Keyring keyring = new Keyring();
        ProviderViewModel vm = viewModel(keyring);

        vm.setTypedKey(KEY);

        assertThat(keyring.keys).containsValue(KEY);
        assertThat(vm.keyStatusProperty().get()).isEqualTo("Key sk-t…9876 from the system keyring").doesNotContain(KEY);
        assertThat(vm.keysPersist()).isTrue();
        assertThat(vm.apiKey()).isEqualTo(KEY);

        vm.setTypedKey("");
        assertThat(keyring.keys).isEmpty();
        assertThat(vm.keyStateProperty().get()).isNotEqualTo(ProviderViewModel.KeyState.TYPED);
    }

    @Test
    void withoutAKeyringTheKeyIsForThisRunAndTheReasonIsShown() {
        ProviderViewModel vm = viewModel(new SessionSecrets("No keyring is available on this system."));

        vm.setTypedKey(KEY);

        assertThat(vm.keyStatusProperty().get()).isEqualTo("Typed key sk-t…9876, kept for this run only");
        assertThat(vm.keysPersist()).isFalse();
        assertThat(vm.keyStorage()).isEqualTo("No keyring is available on this system.");
    }

    private static ProviderViewModel viewModel(SecretStore store) {
        return new ProviderViewModel((p, k) -> List.of(), List::of, store, new MarksInMemory(), Map.of(), Runnable::run, UiThread.DIRECT);
    }

    /** A keyring that keeps keys in memory but says it persists them, as the OS keyring does. */
    static final class Keyring implements SecretStore {
        final Map<String, String> keys = new ConcurrentHashMap<>();

        @Override public Optional<String> get(String id) { return Optional.ofNullable(keys.get(id)); }
        @Override public void put(String id, String key) { keys.put(id, key); }
        @Override public void forget(String id) { keys.remove(id); }
        @Override public boolean persistent() { return true; }
        @Override public String description() { return "Keys are kept in the system keyring (test)."; }
    }
}
