package parley.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import parley.api.ChatClient;
import parley.api.RawTap;
import parley.api.Transport;
import parley.testing.ForwardingProxy;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

class ProviderClientsTest {
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"m-1\"}]}";

    @Test
    void oneClientPerProviderAndKeyIsKept() {
        try (ProviderClients clients = new ProviderClients(KeyResolver.fromEnvironment(Map.of()))) {
            ProviderProfile local = Providers.custom("http://127.0.0.1:9/v1", null);
            assertThat(clients.clientFor(local)).isSameAs(clients.clientFor(local));
            assertThat(clients.listingClientFor(local, "sk-a")).isSameAs(clients.listingClientFor(local, "sk-a"))
                    .isNotSameAs(clients.listingClientFor(local, "sk-b"));
        }
    }

    @Test
    void onlyChatClientsReportToTheTapNotModelLists() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        RawTap tap = new RawTap() {
            @Override
            public void body(String body) { bodies.add(body); }
        };
        try (ScriptedServer server = ScriptedServer.start().fallback(r -> Reply.json(200, MODELS));
             ProviderClients clients = new ProviderClients(KeyResolver.fromEnvironment(Map.of()), null, null, false, tap,
                     Transport.JDK_DEFAULT)) {
            ProviderProfile profile = Providers.custom(server.baseUrl(), null);
            clients.listingClientFor(profile, null).fetchModels();
            assertThat(bodies).as("the raw view shows chat exchanges, not the model list").isEmpty();
            clients.clientFor(profile).fetchModels();
            assertThat(bodies).containsExactly(MODELS);
        }
    }

    @Test
    void aNewTransportMakesNewClientsThatUseIt() throws Exception {
        try (ScriptedServer server = ScriptedServer.start().fallback(r -> Reply.json(200, MODELS));
             ForwardingProxy proxy = ForwardingProxy.open();
             ProviderClients clients = new ProviderClients(KeyResolver.fromEnvironment(Map.of()))) {
            ProviderProfile profile = Providers.custom(server.baseUrl("api.test"), null);
            ChatClient before = clients.clientFor(profile);
            before.fetchModels();
            assertThat(proxy.handled()).isEmpty();

            clients.useTransport(new Transport(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())), null, null));
            ChatClient after = clients.clientFor(profile);
            after.fetchModels();

            assertThat(after).isNotSameAs(before);
            assertThat(proxy.forwardedCount()).isEqualTo(1);
            before.fetchModels(); // a client handed out earlier still works until the cache closes
            assertThat(server.requestCount()).isEqualTo(3);
        }
    }
}
