package parley.store;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Keys in the operating system's keyring: Secret Service, macOS Keychain, Windows Credential Manager. */
public final class OsKeyring implements SecretStore {
    static final String SERVICE = "Parley";
    private static final long PROBE_SECONDS = 5;
    private final Keyring keyring;

    private OsKeyring(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * The keyring when one is there and answers a read within a few seconds; empty otherwise. A
     * locked keyring whose unlock prompt cannot be shown (no display) would otherwise block for good.
     */
    public static Optional<SecretStore> open() {
        CompletableFuture<Optional<SecretStore>> probe = CompletableFuture.supplyAsync(OsKeyring::probe,
                runnable -> Thread.ofVirtual().name("keyring-probe").start(runnable));
        try {
            return probe.get(PROBE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            probe.cancel(true);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<SecretStore> probe() {
        try {
            Keyring keyring = Keyring.create();
            OsKeyring store = new OsKeyring(keyring);
            store.get("parley-probe");
            return Optional.of(store);
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> get(String providerId) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, providerId)).filter(k -> !k.isEmpty());
        } catch (PasswordAccessException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String providerId, String key) {
        try {
            keyring.setPassword(SERVICE, providerId, key);
        } catch (PasswordAccessException e) {
            throw new IllegalStateException("The keyring refused to store the key for " + providerId
                    + ": " + e.getMessage());
        }
    }

    @Override
    public void forget(String providerId) {
        try {
            keyring.deletePassword(SERVICE, providerId);
        } catch (PasswordAccessException e) {
            // nothing stored: nothing to forget
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public String description() {
        return "Keys are kept in the system keyring (" + keyring.getKeyringStorageType() + ").";
    }
}
