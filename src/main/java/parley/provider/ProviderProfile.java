package parley.provider;

/**
 * Where requests go and where the key comes from. {@code keyEnv} is the environment variable that
 * holds the key (null for servers that need none); {@code local} marks a server on this computer.
 */
public record ProviderProfile(String id, String name, String baseUrl, String keyEnv,
                              String defaultModel, boolean local) {}
