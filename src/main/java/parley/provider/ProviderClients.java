package parley.provider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.api.InsecureKey;
import parley.api.RawTap;
import parley.api.ReadLimits;
import parley.api.Transport;

/**
 * The one cache of {@link ChatClient}s, for the window and the CLI alike: one per provider (base URL
 * and key), made on first use and kept. Every client connects through the current {@link Transport}
 * (proxy, proxy credentials, trusted certificates); {@link #useTransport} changes it for the clients
 * made from then on. A remote provider without a key is refused before anything is sent, with a line
 * that says where to put one.
 */
public final class ProviderClients implements AutoCloseable {
    private final KeyResolver keys;
    private final Duration connectTimeout;
    private final Duration idleTimeout;
    private final boolean allowInsecureKey;
    private final RawTap tap;
    private final Map<String, ChatClient> clients = new ConcurrentHashMap<>();
    // clients made with an earlier transport: a reply may still stream through one, so they close last
    private final List<ChatClient> retired = new CopyOnWriteArrayList<>();
    private volatile Transport transport;
    private volatile ReadLimits limits = ReadLimits.DEFAULT;

    /**
     * {@code connectTimeout} and {@code idleTimeout} may be null for the defaults;
     * {@code allowInsecureKey} is the user's consent to send a key over plain http to another machine;
     * {@code tap} sees every client's raw exchange (null for none).
     */
    public ProviderClients(KeyResolver keys, Duration connectTimeout, Duration idleTimeout, boolean allowInsecureKey,
                           RawTap tap, Transport transport) {
        this.keys = keys;
        this.connectTimeout = connectTimeout;
        this.idleTimeout = idleTimeout;
        this.allowInsecureKey = allowInsecureKey;
        this.tap = tap;
        this.transport = transport;
    }

    public ProviderClients(KeyResolver keys, Duration connectTimeout, Duration idleTimeout, boolean allowInsecureKey) {
        this(keys, connectTimeout, idleTimeout, allowInsecureKey, null, Transport.JDK_DEFAULT);
    }

    public ProviderClients(KeyResolver keys) {
        this(keys, null, null, false);
    }

    /** The client for the profile; {@link IllegalArgumentException} when a needed key is missing or may not be sent. */
    public ChatClient clientFor(ProviderProfile profile) {
        return client(profile, keyFor(profile).map(ApiKey::value).orElse(null), tap);
    }

    /**
     * A client for the profile's model list with the given key (null for none), e.g. a key just
     * typed. It does not report to the tap, which shows chat exchanges. {@link IllegalArgumentException}
     * when the key may not be sent to that server.
     */
    public ChatClient listingClientFor(ProviderProfile profile, String apiKey) {
        if (apiKey != null && !apiKey.isBlank()) checkSafe(profile);
        return client(profile, apiKey, null);
    }

    /** The key for the profile, checked: present where the provider needs one, and safe to send. */
    public Optional<ApiKey> keyFor(ProviderProfile profile) {
        Optional<ApiKey> key = keys.keyFor(profile);
        if (key.isEmpty() && profile.needsKey()) {
            throw new IllegalArgumentException("No API key for " + profile.name() + ": set " + profile.keyEnv()
                    + " or give a key.");
        }
        if (key.isPresent()) checkSafe(profile);
        return key;
    }

    /**
     * Clients made from now on connect through {@code next}; those made before are no longer handed
     * out (a reply streaming through one finishes) and close with this cache.
     */
    public void useTransport(Transport next) {
        transport = next;
        retireAll();
    }

    /** Clients made from now on hold at most {@code next} of an answer (a line, a body, a model list). */
    public ProviderClients useLimits(ReadLimits next) {
        if (!next.equals(limits)) {
            limits = next;
            retireAll();
        }
        return this;
    }

    private void retireAll() {
        for (String id : List.copyOf(clients.keySet())) {
            ChatClient old = clients.remove(id);
            if (old != null) retired.add(old);
        }
    }

    private ChatClient client(ProviderProfile profile, String apiKey, RawTap reportTo) {
        String cacheKey = profile.baseUrl() + "\u0000" + (apiKey == null ? "" : apiKey) + "\u0000" + (reportTo != null);
        return clients.computeIfAbsent(cacheKey, k -> new ChatClient(
                ClientConfig.of(profile.baseUrl(), apiKey)
                        .withTimeouts(connectTimeout, idleTimeout)
                        .withAllowInsecureKey(allowInsecureKey)
                        .withTap(reportTo)
                        .withLimits(limits), transport));
    }

    private void checkSafe(ProviderProfile profile) {
        String refusal = InsecureKey.refusal(profile.baseUrl(), true, allowInsecureKey,
                "allow the key over plain http for this server");
        if (refusal != null) throw new IllegalArgumentException(refusal);
    }

    @Override
    public void close() {
        clients.values().forEach(ChatClient::close);
        clients.clear();
        retired.forEach(ChatClient::close);
        retired.clear();
    }
}
