package parley.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the key for a provider by asking its sources in order; the first that has one wins.
 * The usual order is: a key given explicitly, then the profile's environment variable. Another
 * source (the OS keyring) is added with {@link #then(KeySource)}.
 */
public final class KeyResolver {
    private final List<KeySource> sources;

    private KeyResolver(List<KeySource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Only the environment variable of each profile. */
    public static KeyResolver fromEnvironment(Map<String, String> env) {
        return new KeyResolver(List.of(environment(env)));
    }

    /** An explicit key (null for none) before the profile's environment variable. */
    public static KeyResolver of(String explicitKey, Map<String, String> env) {
        List<KeySource> sources = new ArrayList<>();
        if (explicitKey != null && !explicitKey.isBlank()) {
            ApiKey key = new ApiKey(explicitKey, "the command line");
            sources.add(profile -> Optional.of(key));
        }
        sources.add(environment(env));
        return new KeyResolver(sources);
    }

    public KeyResolver then(KeySource source) {
        List<KeySource> more = new ArrayList<>(sources);
        more.add(source);
        return new KeyResolver(more);
    }

    public Optional<ApiKey> keyFor(ProviderProfile profile) {
        for (KeySource source : sources) {
            Optional<ApiKey> key = source.keyFor(profile);
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }

    /** The value of the profile's variable, when it is set and not blank. */
    private static KeySource environment(Map<String, String> env) {
        return profile -> {
            if (profile.keyEnv() == null) {
                return Optional.empty();
            }
            String value = env.get(profile.keyEnv());
            return value == null || value.isBlank()
                    ? Optional.empty()
                    : Optional.of(new ApiKey(value.trim(), "$" + profile.keyEnv()));
        };
    }
}
