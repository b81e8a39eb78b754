package parley.provider;

import java.util.Optional;

/** One place a key can come from: given explicitly, an environment variable, later the OS keyring. */
@FunctionalInterface
public interface KeySource {
    Optional<ApiKey> keyFor(ProviderProfile profile);
}
