package parley.chat;

import parley.api.ChatBackend;
import parley.provider.ProviderClients;
import parley.provider.Providers;

/** Serves chat settings with the client of their provider (or custom base URL). */
public final class ProviderBackends implements BackendFactory {
    private final ProviderClients clients;

    public ProviderBackends(ProviderClients clients) {
        this.clients = clients;
    }

    @Override
    public ChatBackend backendFor(ChatSettings settings) {
        return clients.clientFor(Providers.resolve(settings.providerId(), settings.baseUrl()));
    }
}
