package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parley.api.ChatMessage;
import parley.api.ToolCall;
import parley.provider.KeyResolver;
import parley.provider.ProviderClients;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

/** Continuing after a reply with a turn of its own (tool calls and their results), and keeping one choice as the reply. */
class ChatServiceTurnTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScriptedServer server = ScriptedServer.start();
    private final ProviderClients clients = new ProviderClients(KeyResolver.fromEnvironment(Map.of()),
            Duration.ofSeconds(2), Duration.ofSeconds(10), false);
    private final ChatService service = new ChatService(new ProviderBackends(clients));

    ChatServiceTurnTest() {
        service.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("tiny-llama")
                .withStream(false, false));
    }

    @AfterEach
    void close() {
        clients.close();
        server.close();
    }

    private static Reply answer(String content) {
        return Reply.json(200, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + (content == null ? "null" : "\"" + content + "\"") + "},\"finish_reason\":\"stop\"}]}");
    }

    @Test
    void theTurnGoesAfterTheHistoryInPlaceOfTheReplyAndTheNextAnswerFollowsIt() throws Exception {
        server.enqueue(answer(null));
        ChatEvent.Ended calls = service.send("Weather in Paris?").await();
        server.enqueue(answer("18 °C and sunny."));
        ToolCall call = ToolCall.of("call_1", "get_weather", "{\"city\":\"Paris\"}");

        ChatEvent.Ended end = service.continueAfter(calls.messageId(), List.of(
                ChatMessage.assistantCalls(null, List.of(call), null),
                ChatMessage.toolResult("call_1", "18 °C, sunny"))).await();

        assertThat(end.message().content()).isEqualTo("18 °C and sunny.");
        JsonNode messages = JSON.readTree(server.requests().get(1).bodyText()).get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1).get("tool_calls").get(0).get("function").get("name").asText()).isEqualTo("get_weather");
        assertThat(messages.get(2).get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(service.conversation().messages()).extracting(Message::content)
                .containsExactly("Weather in Paris?", "", "18 °C and sunny.");
    }

    @Test
    void aKeptChoiceIsTheReplyTheNextRequestCarries() throws Exception {
        server.enqueue(answer("First"));
        ChatEvent.Ended first = service.send("Say something").await();

        service.keepReply(first.messageId(), "Second", "");

        assertThat(service.nextRequest("Why?").messages()).extracting(ChatMessage::content)
                .containsExactly("Say something", "Second", "Why?");
    }

    @Test
    void aReplyNoLongerThereIsRefusedWithAMessage() {
        assertThatThrownBy(() -> service.continueAfter("gone", List.of(ChatMessage.toolResult("c", "r"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no longer in the chat");
        assertThatThrownBy(() -> service.keepReply("gone", "x", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no longer in the chat");
    }
}
