package parley.ui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import parley.api.ChatBackend;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.api.RawTap;
import parley.chat.BackendFactory;
import parley.chat.ChatSettings;
import parley.log.LogSecrets;
import parley.provider.ProviderProfile;
import parley.provider.Providers;

/**
 * The window's backends: one {@link ChatClient} per base URL and key, kept for reuse and closed
 * with the window. Every client reports its raw exchange to the request view's tap.
 */
public final class WindowBackends implements BackendFactory, AutoCloseable {
    private final Function<ProviderProfile, String> keys;
    private final RawTap tap;
    private final Map<String, ChatClient> clients = new ConcurrentHashMap<>();

    /** {@code keys} gives the key for a profile (null for none). */
    public WindowBackends(Function<ProviderProfile, String> keys, RawTap tap) {
        this.keys = keys;
        this.tap = tap;
    }

    @Override
    public ChatBackend backendFor(ChatSettings settings) {
        ProviderProfile profile = Providers.resolve(settings.providerId(), settings.baseUrl());
        String key = keys.apply(profile);
        LogSecrets.remember(key);
        String id = profile.baseUrl() + "\n" + (key == null ? "" : key);
        return clients.computeIfAbsent(id, x -> new ChatClient(ClientConfig.of(profile.baseUrl(), key).withTap(tap)));
    }

    @Override
    public void close() {
        clients.values().forEach(ChatClient::close);
        clients.clear();
    }
}
