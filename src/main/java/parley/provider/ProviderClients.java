package parley.provider;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import parley.api.ChatClient;
import parley.api.ClientConfig;

/**
 * One {@link ChatClient} per provider (base URL and key), made on first use and kept. A remote
 * provider without a key is refused before anything is sent, with a line that says where to put one.
 */
public final class ProviderClients implements AutoCloseable {
    private final KeyResolver keys;
    private final Duration connectTimeout;
    private final Duration idleTimeout;
    private final boolean allowInsecureKey;
    private final Map<String, ChatClient> clients = new ConcurrentHashMap<>();

    /**
     * {@code connectTimeout} and {@code idleTimeout} may be null for the defaults;
     * {@code allowInsecureKey} is the user's consent to send a key over plain http to another machine.
     */
    public ProviderClients(KeyResolver keys, Duration connectTimeout, Duration idleTimeout, boolean allowInsecureKey) {
        this.keys = keys;
        this.connectTimeout = connectTimeout;
        this.idleTimeout = idleTimeout;
        this.allowInsecureKey = allowInsecureKey;
    }

    public ProviderClients(KeyResolver keys) {
        this(keys, null, null, false);
    }

    /** The client for the profile; {@link IllegalArgumentException} when a needed key is missing or may not be sent. */
    public ChatClient clientFor(ProviderProfile profile) {
        Optional<ApiKey> key = keyFor(profile);
        String apiKey = key.map(ApiKey::value).orElse(null);
        String cacheKey = profile.baseUrl() + "\u0000" + (apiKey == null ? "" : apiKey);
        return clients.computeIfAbsent(cacheKey, k -> new ChatClient(
                ClientConfig.of(profile.baseUrl(), apiKey)
                        .withTimeouts(connectTimeout, idleTimeout)
                        .withAllowInsecureKey(allowInsecureKey)));
    }

    /** The key for the profile, checked: present where the provider needs one, and safe to send. */
    public Optional<ApiKey> keyFor(ProviderProfile profile) {
        Optional<ApiKey> key = keys.keyFor(profile);
        if (key.isEmpty() && profile.keyEnv() != null) {
            throw new IllegalArgumentException("No API key for " + profile.name() + ": set " + profile.keyEnv()
                    + " or give a key.");
        }
        if (key.isPresent() && !allowInsecureKey && Providers.keyWouldTravelInClear(profile.baseUrl())) {
            throw new IllegalArgumentException("Refusing to send the API key over plain http:// to "
                    + java.net.URI.create(profile.baseUrl()).getHost()
                    + ": use https://, or allow the key over plain http for this server.");
        }
        return key;
    }

    @Override
    public void close() {
        clients.values().forEach(ChatClient::close);
        clients.clear();
    }
}
