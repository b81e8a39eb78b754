package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parley.api.ApiError;
import parley.api.ChatMessage;
import parley.provider.KeyResolver;
import parley.provider.ProviderClients;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

/** The chat service over the real ChatClient, against the scripted server. */
class ChatServiceOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScriptedServer server = ScriptedServer.start();
    private final ProviderClients clients = new ProviderClients(KeyResolver.fromEnvironment(Map.of()),
            Duration.ofSeconds(2), Duration.ofSeconds(10), false);
    private final ChatService service = new ChatService(new ProviderBackends(clients));
    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();

    ChatServiceOverHttpTest() {
        service.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("tiny-llama"));
        service.addListener(events::add);
    }

    @AfterEach
    void close() {
        clients.close();
        server.close();
    }

    @Test
    void aRecordedStreamFillsTheReplyWithUsageAndTimings() throws Exception {
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 3));

        ChatEvent.Ended end = service.send("Hello").await();

        assertThat(end.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(end.message().content()).isEqualTo("kDZ over redDq I overbGa a userF0");
        assertThat(end.record().usage().completionTokens()).isEqualTo(16);
        assertThat(end.record().finishReason()).isEqualTo("length");
        assertThat(end.record().baseUrl()).isEqualTo(server.baseUrl());
        assertThat(end.metrics().ttftMillis()).isNotNull();
        assertThat(end.metrics().completionTokens()).isEqualTo(16);
        assertThat(end.metrics().tokensEstimated()).isFalse();
        JsonNode body = JSON.readTree(server.requests().getFirst().bodyText());
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void stopMidStreamKeepsTheTextThatArrived() throws Exception {
        server.enqueue(Reply.stream().events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Partial \"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"reply\"}}]}").stall());
        parley.chat.Reply reply = service.send("Hello");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.stream().filter(e -> e instanceof ChatEvent.Text).count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        service.stop();
        ChatEvent.Ended end = reply.await(Duration.ofSeconds(10));

        assertThat(end).as("Stop ends the reply without waiting for the server").isNotNull();
        assertThat(end.outcome()).isEqualTo(Outcome.STOPPED);
        assertThat(end.message().content()).isEqualTo("Partial reply");
        assertThat(service.conversation().last().orElseThrow().status()).isEqualTo(MessageStatus.STOPPED);
    }

    @Test
    void whenTheTimeRunsOutBetweenRetriesTheLastAnswerIsReportedWithItsRetries() throws Exception {
        byte[] page = ("<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
                + "<p>The upstream server did not answer.</p></body></html>").getBytes(StandardCharsets.UTF_8);
        server.fallback(r -> Reply.fixed(502, "text/html", page));

        // retries wait 1 s, then 2 s: a limit of 2 s runs out during the second wait
        parley.chat.Reply reply = service.send("Hello");
        ChatEvent.Ended end = reply.await(Duration.ofSeconds(2));
        assertThat(end).as("still waiting to retry").isNull();
        reply.timeUp();
        end = reply.await(Duration.ofSeconds(5));

        assertThat(end).isNotNull();
        assertThat(end.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(end.record().error().status()).isEqualTo(502);
        assertThat(end.record().error().kind()).isEqualTo(ApiError.Kind.SERVER);
        assertThat(end.record().error().message())
                .isEqualTo("HTTP 502: 502 Bad Gateway Bad Gateway The upstream server did not answer.");
        assertThat(end.record().error().retries()).isEqualTo(1);
        assertThat(end.message().error()).isEqualTo(end.record().error());
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(events).filteredOn(e -> e instanceof ChatEvent.Failed).hasSize(1);
    }

    @Test
    void aSecondTurnCarriesTheWholeConversation() throws Exception {
        server.enqueue(Reply.recording("llama-server/chat_nonstream.txt", 0))
                .enqueue(Reply.recording("llama-server/chat_nonstream.txt", 0));
        service.setSettings(service.settings().withStream(false, false).withSystemPrompt("Be brief."));

        service.send("First").await();
        service.send("Second").await();

        JsonNode messages = JSON.readTree(server.requests().get(1).bodyText()).path("messages");
        assertThat(JSON.convertValue(messages, ChatMessage[].class)).containsExactly(
                ChatMessage.system("Be brief."), ChatMessage.user("First"),
                ChatMessage.assistant("kDZ over redDq I overbGa a userF0"), ChatMessage.user("Second"));
    }

    @Test
    void aSavedConversationContinuesWhereItStopped() throws Exception {
        Message question = new Message("m1", "user", "Saved question", "", MessageStatus.COMPLETE, null);
        Message cut = new Message("m2", "assistant", "Saved half", "", MessageStatus.STREAMING, null);
        service.open(Conversation.restore("c-1", List.of(question, cut)));
        server.enqueue(Reply.recording("llama-server/chat_nonstream.txt", 0));
        service.setSettings(service.settings().withStream(false, false));

        ChatEvent.Ended end = service.send("Go on").await();

        assertThat(end.record().conversationId()).isEqualTo("c-1");
        assertThat(service.conversation().messages().get(1).status()).isEqualTo(MessageStatus.TRUNCATED);
        assertThat(JSON.readTree(server.requests().getFirst().bodyText()).path("messages")).hasSize(3);
    }
}
