package parley.store;

import java.util.Optional;

/**
 * Where API keys are kept between runs, per provider id. Never a plain-text file: the operating
 * system's keyring ({@link OsKeyring}), or memory for this run only ({@link SessionSecrets}).
 */
public interface SecretStore {
    Optional<String> get(String providerId);

    void put(String providerId, String key);

    void forget(String providerId);

    /** True when keys outlive this run. */
    boolean persistent();

    /** A sentence for the user: where keys are kept, and why not in the keyring if not there. */
    String description();

    /** The OS keyring when one answers, else keys kept for this run only, with the reason. */
    static SecretStore open() {
        return OsKeyring.open().<SecretStore>map(k -> k)
                .orElseGet(() -> new SessionSecrets("No keyring is available on this system "
                        + "(on Linux: no Secret Service is running), so keys are kept for this run only; "
                        + "set the provider's environment variable to keep one."));
    }
}
