package parley.capability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ApiError;
import parley.api.ExtendedParameters;
import parley.app.AppDatabase;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Outcome;
import parley.chat.ProviderBackends;
import parley.provider.KeyResolver;
import parley.provider.ProviderClients;
import parley.store.Database;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

/** A 400 naming a parameter, "send without it" against the scripted server, and the refusal remembered. */
class SendWithoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "team-gpt";
    private static final String REFUSAL = "{\"error\":{\"message\":\"Unrecognized request argument supplied: seed\","
            + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}";

    @TempDir Path dir;
    private final ScriptedServer server = ScriptedServer.start();
    private final ProviderClients clients = new ProviderClients(KeyResolver.fromEnvironment(Map.of()),
            Duration.ofSeconds(2), Duration.ofSeconds(10), false);

    @AfterEach
    void close() {
        clients.close();
        server.close();
    }

    @Test
    void aRefusedParameterIsLeftOutOnTheRetryAndRememberedAcrossAReopen() throws Exception {
        server.enqueue(Reply.json(400, REFUSAL));
        server.enqueue(Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"finish_reason\":\"stop\"}]}"));
        Path file = dir.resolve("parley.db");
        try (Database db = AppDatabase.open(file)) {
            CapabilityService capabilities = CapabilityService.over(new RefusalStore(db));
            capabilities.load();
            ChatService chat = chatOver(capabilities);

            ChatEvent.Ended refused = chat.send("Hi").await();
            ApiError error = refused.message().error();
            assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(capabilities.refusedParameter(error)).contains("seed");
            assertThat(body(0).path("seed").asLong()).isEqualTo(42);

            capabilities.learn("custom", server.baseUrl(), MODEL, "seed", error.message());
            ChatEvent.Ended answered = chat.regenerate().await();

            assertThat(answered.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(answered.message().content()).isEqualTo("Hello");
            assertThat(body(1).has("seed")).as("sent without it").isFalse();
            assertThat(body(1).path("temperature").asDouble()).isEqualTo(0.7);
        }
        try (Database reopened = AppDatabase.open(file)) {
            CapabilityService capabilities = CapabilityService.over(new RefusalStore(reopened));
            capabilities.load();

            Support seed = capabilities.of("custom", server.baseUrl() + "/", MODEL).status("seed");
            assertThat(seed.refused()).isTrue();
            assertThat(seed.reason()).contains("Unrecognized request argument supplied: seed");
            assertThat(capabilities.of("custom", server.baseUrl(), "other-model").status("seed").accepted()).isTrue();
            assertThat(chatOver(capabilities).nextRequest("Again").extended().seed()).isNull();
        }
    }

    @Test
    void sendWithoutReturnsTheRequestWithoutItAndKeepsTheRefusal() {
        try (Database db = AppDatabase.open(dir.resolve("p.db"))) {
            CapabilityService capabilities = CapabilityService.over(new RefusalStore(db));
            ChatService chat = chatOver(capabilities);
            var request = chat.nextRequest("Hi");
            int[] told = {0};
            capabilities.addListener(() -> told[0]++);

            var without = capabilities.sendWithout("custom", server.baseUrl(), request, "seed", "no seed here");

            assertThat(request.extended().seed()).isEqualTo(42L);
            assertThat(without.extended().seed()).isNull();
            assertThat(without.withExtended(request.extended())).isEqualTo(request);
            assertThat(told[0]).isEqualTo(1);
            assertThat(new RefusalStore(db).all()).singleElement().satisfies(r -> {
                assertThat(r.provider()).isEqualTo("custom:" + server.baseUrl());
                assertThat(r.model()).isEqualTo(MODEL);
                assertThat(r.parameter()).isEqualTo("seed");
            });
        }
    }

    private ChatService chatOver(CapabilityService capabilities) {
        ChatService chat = new ChatService(new ProviderBackends(clients));
        chat.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel(MODEL)
                .withExtended(ExtendedParameters.NONE.withSeed(42L)));
        chat.setRequestFilter((settings, request) ->
                capabilities.leaveOutRefused(settings.providerId(), settings.baseUrl(), request));
        return chat;
    }

    private JsonNode body(int index) throws Exception {
        return JSON.readTree(server.requests().get(index).bodyText());
    }
}
