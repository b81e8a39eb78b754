package parley.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parley.api.ApiError;
import parley.api.ApiException;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

class ModelCatalogTest {
    private final ScriptedServer server = ScriptedServer.start();
    private final ProviderClients clients = new ProviderClients(KeyResolver.of("sk-cat", Map.of()));
    private final ModelCatalog catalog = new ModelCatalog(clients);
    private final ProviderProfile profile = Providers.custom(server.baseUrl(), null);

    @AfterEach
    void close() {
        clients.close();
        server.close();
    }

    @Test
    void fetchesAndReadsTheListWithTheKey() throws Exception {
        server.enqueue(Reply.recording("llama-server/models.txt", 0));

        assertThat(catalog.fetch(profile)).extracting(ModelInfo::id).containsExactly("tiny-llama");
        assertThat(server.requests().getFirst().header("authorization")).isEqualTo("Bearer sk-cat");
    }

    @Test
    void aRefusalIsATypedErrorWithTheProvidersMessage() {
        server.enqueue(Reply.json(401, "{\"code\":401,\"msg\":\"token expired\"}"));

        assertThatThrownBy(() -> catalog.fetch(profile)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.error().kind()).isEqualTo(ApiError.Kind.AUTHENTICATION);
            assertThat(e.error().message()).contains("token expired");
        });
    }

    @Test
    void somethingThatIsNoModelListIsAProtocolError() {
        server.enqueue(Reply.json(200, "{\"object\":\"list\"}"));

        assertThatThrownBy(() -> catalog.fetch(profile)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error().kind()).isEqualTo(ApiError.Kind.PROTOCOL));
    }

    @Test
    void aRemoteProviderWithoutAKeyIsRefusedBeforeAsking() {
        ProviderClients none = new ProviderClients(KeyResolver.fromEnvironment(Map.of()));
        assertThatThrownBy(() -> new ModelCatalog(none).fetch(Providers.OPENAI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPENAI_API_KEY");
    }
}
