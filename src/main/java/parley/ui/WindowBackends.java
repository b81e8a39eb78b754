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
import parley.provider.ProviderProfile;
import parley.provider.Providers;

/**
 * The window's backends: one {@link ChatClient} per base URL and key, kept for reuse and closed
 * with the window. Every client reports its raw exchange to the request view's tap.
 */
public final class WindowBackends implements BackendFactory, AutoCloseable {
    private final Function<ProviderProfile, String> keys;
    private final RawTap tap;
    private final ChatBackend engine;
    private final Map<String, ChatClient> clients = new ConcurrentHashMap<>();

    /** {@code keys} gives the key for a profile (null for none); {@code engine} answers for "This computer". */
    public WindowBackends(Function<ProviderProfile, String> keys, RawTap tap, ChatBackend engine) {
        this.keys = keys;
        this.tap = tap;
        this.engine = engine;
    }

    @Override
    public ChatBackend backendFor(ChatSettings settings) {
        if (Providers.LOCAL_GGUF.id().equals(settings.providerId())) {
            return engine;
        }
        ProviderProfile profile = Providers.resolve(settings.providerId(), settings.baseUrl());
        String key = keys.apply(profile);
        String id = profile.baseUrl() + "\n" + (key == null ? "" : key);
        return clients.computeIfAbsent(id, x -> new ChatClient(ClientConfig.of(profile.baseUrl(), key).withTap(tap)));
    }

    @Override
    public void close() {
        clients.values().forEach(ChatClient::close);
        clients.clear();
        engine.close();
    }
}
