package parley.provider;

/**
 * Where requests go and where the key comes from. {@code keyEnv} is the environment variable that
 * holds the key (null for servers that need none); {@code local} marks a server on this computer,
 * set by the one rule of {@link Locality}: a built-in local profile, or a custom server the user
 * marked local.
 */
public record ProviderProfile(String id, String name, String baseUrl, String keyEnv,
                              String defaultModel, boolean local) {
    /** A local server needs no key; a remote one needs one when it names where the key is kept. */
    public boolean needsKey() {
        return !local && keyEnv != null;
    }
}
