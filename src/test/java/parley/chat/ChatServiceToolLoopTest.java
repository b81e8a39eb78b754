package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Choice;
import parley.api.RequestJson;
import parley.api.ExtendedParameters;
import parley.api.Tool;
import parley.api.ToolCall;
import parley.api.ToolChoice;
import parley.provider.KeyResolver;
import parley.provider.ProviderClients;
import parley.testing.ResultBackend;
import parley.testing.ScriptedServer;

/**
 * A tool loop through the service: the model's answers are scripted results; a request's body is the
 * JSON {@link RequestJson} writes, which is what the client posts. A plain request goes over the real
 * client to the scripted server.
 */
class ChatServiceToolLoopTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Tool WEATHER = Tool.function("get_weather", "The weather in a city",
            JSON.createObjectNode().put("type", "object"));
    private static final String FINAL_ANSWER = """
            {"id":"c2","object":"chat.completion","model":"deepseek-chat","choices":[{"index":0,
            "message":{"role":"assistant","content":"Saint-Malo: 14 °C, sunny."},"finish_reason":"stop"}],
            "usage":{"prompt_tokens":80,"completion_tokens":9,"total_tokens":89}}""";

    private final ScriptedServer server = ScriptedServer.start();
    private final ProviderClients clients = new ProviderClients(KeyResolver.fromEnvironment(Map.of()),
            Duration.ofSeconds(2), Duration.ofSeconds(10), false);
    private final ChatSettings settings = ChatSettings.defaults().withProvider("custom", server.baseUrl())
            .withModel("deepseek-chat").withStream(false, false).withSystemPrompt("Use the tools.")
            .withExtended(ExtendedParameters.NONE.withTools(List.of(WEATHER), ToolChoice.AUTO, null));
    private final ResultBackend backend = new ResultBackend(new ProviderBackends(clients).backendFor(settings));
    // the bounds of the new fields and roles are the validator's; this test is about the service
    private final ChatService service = new ChatService(s -> backend, request -> { });
    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();

    ChatServiceToolLoopTest() {
        service.setSettings(settings);
        service.addListener(events::add);
    }

    @AfterEach
    void close() {
        clients.close();
        server.close();
    }

    @Test
    void callsThenResultsThenTheFinalAnswerWithTheEditedArgumentsAndTheReasoningSentBack() throws Exception {
        backend.answer(ResultBackend.toolCalls("The user wants two cities.",
                ToolCall.of("call_1", "get_weather", "{\"city\":\"St Malo\"}"),
                ToolCall.of("call_2", "get_weather", "{\"city\":\"Brest\"}")));
        backend.answer(final_());

        ChatEvent.Ended calls = service.send("Weather in Saint-Malo and Brest?").await();
        assertThat(calls.message().toolCalls()).extracting(ToolCall::id).containsExactly("call_1", "call_2");
        assertThat(calls.record().result().toolCalls()).hasSize(2);
        assertThat(service.conversation().pendingToolCalls()).hasSize(2);
        Thread.sleep(400); // the user reads the calls and types the results: not the model's time

        List<ToolResult> results = List.of(ToolResult.of("call_2", "{\"celsius\": 11}"),
                new ToolResult("call_1", "{\"city\":\"Saint-Malo\"}", "{\"celsius\": 14}"));
        ChatRequest shown = service.toolResultsRequest(results);
        assertThat(service.conversation().size()).as("showing the request changes nothing").isEqualTo(2);
        ChatEvent.Ended answer = service.sendToolResults(results).await();

        assertThat(answer.outcome()).as("%s", answer.record().error()).isEqualTo(Outcome.COMPLETED);
        assertThat(answer.message().content()).isEqualTo("Saint-Malo: 14 °C, sunny.");
        assertThat(answer.metrics().durationMillis()).as("the request's own time only").isLessThan(400);
        assertThat(answer.record().startedAt()).isAfter(calls.record().startedAt().plusMillis(399));
        JsonNode body = wire(backend.requests.get(1));
        assertThat(RequestJson.write(shown)).isEqualTo(RequestJson.write(backend.requests.get(1)));
        assertThat(body.path("tools").path(0).path("function").path("name").asText()).isEqualTo("get_weather");
        JsonNode messages = body.path("messages");
        assertThat(messages).extracting(m -> m.path("role").asText())
                .containsExactly("system", "user", "assistant", "tool", "tool");
        JsonNode asking = messages.path(2);
        assertThat(asking.path("reasoning_content").asText()).isEqualTo("The user wants two cities.");
        assertThat(asking.path("tool_calls").path(0).path("id").asText()).isEqualTo("call_1");
        assertThat(asking.path("tool_calls").path(0).path("type").asText()).isEqualTo("function");
        assertThat(asking.path("tool_calls").path(0).path("function").path("arguments").asText())
                .as("the arguments as edited").isEqualTo("{\"city\":\"Saint-Malo\"}");
        assertThat(asking.path("tool_calls").path(1).path("function").path("arguments").asText())
                .isEqualTo("{\"city\":\"Brest\"}");
        assertThat(messages.path(3).path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(messages.path(3).path("content").asText()).isEqualTo("{\"celsius\": 14}");
        assertThat(messages.path(4).path("tool_call_id").asText()).isEqualTo("call_2");
        assertThat(messages.path(4).path("content").asText()).isEqualTo("{\"celsius\": 11}");
        assertThat(service.conversation().messages()).extracting(Message::role)
                .containsExactly("user", "assistant", "tool", "tool", "assistant");
        assertThat(service.conversation().messages().get(2).name()).isEqualTo("get_weather");
        assertThat(service.conversation().pendingToolCalls()).isEmpty();
        assertThat(events.stream().filter(e -> e instanceof ChatEvent.Started).count()).isEqualTo(2);
    }

    @Test
    void withoutToolsTheReasoningStaysOut() throws Exception {
        service.setSettings(settings.withExtended(ExtendedParameters.NONE));
        backend.answer(ResultBackend.choices(new Choice(0, "Hello.", "Greet back.", "stop", null, null)));
        server.enqueue(ScriptedServer.Reply.json(200, FINAL_ANSWER));
        service.send("Hi").await();

        service.send("And the weather?").await();

        JsonNode assistant = JSON.readTree(server.requests().getFirst().bodyText()).path("messages").path(2);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.has("reasoning_content")).isFalse();
        assertThat(assistant.has("tool_calls")).isFalse();
    }

    @Test
    void resultsThatDoNotAnswerEveryCallAreRefusedBeforeAnythingChanges() throws Exception {
        assertThatThrownBy(() -> service.sendToolResults(List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No tool call is waiting");
        backend.answer(ResultBackend.toolCalls(null, ToolCall.of("call_1", "get_weather", "{}"),
                ToolCall.of("call_2", "get_weather", "{}")));
        service.send("Weather?").await();
        int size = service.conversation().size();

        assertThatThrownBy(() -> service.sendToolResults(List.of(ToolResult.of("call_1", "sunny"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The call call_2 (get_weather) has no result: give one for every call (empty text is allowed).");
        assertThatThrownBy(() -> service.sendToolResults(List.of(ToolResult.of("call_1", "a"),
                ToolResult.of("call_1", "b"), ToolResult.of("call_2", "c"))))
                .hasMessage("The call call_1 (get_weather) has two results: give one per call.");
        assertThatThrownBy(() -> service.sendToolResults(List.of(ToolResult.of("call_7", "a"))))
                .hasMessageContaining("No tool call of the last reply has the id \"call_7\"");
        assertThatThrownBy(() -> service.sendToolResults(List.of(new ToolResult("call_1", "{\"city\":", "a"),
                ToolResult.of("call_2", "b"))))
                .hasMessageStartingWith("The arguments of call_1 (get_weather) are not JSON (")
                .hasMessageEndingWith("write them as a JSON object such as {\"city\": \"Paris\"}.");
        assertThatThrownBy(() -> service.sendToolResults(List.of(new ToolResult("call_1", "[1]", "a"),
                ToolResult.of("call_2", "b"))))
                .hasMessageContaining("must be a JSON object");
        assertThat(service.conversation().size()).isEqualTo(size);
        assertThat(service.conversation().last().orElseThrow().toolCalls().getFirst().arguments()).isEqualTo("{}");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aToolLoopCanBeRegeneratedFromTheResults() throws Exception {
        backend.answer(ResultBackend.toolCalls(null, ToolCall.of("call_1", "get_weather", "{}")));
        backend.answer(final_()).answer(final_());
        service.send("Weather?").await();
        service.sendToolResults(List.of(ToolResult.of("call_1", "sunny"))).await();

        service.regenerate().await();

        assertThat(service.conversation().messages()).extracting(Message::role)
                .containsExactly("user", "assistant", "tool", "assistant");
        JsonNode messages = wire(backend.requests.get(2)).path("messages");
        assertThat(messages).extracting(m -> m.path("role").asText())
                .containsExactly("system", "user", "assistant", "tool");
    }

    @Test
    void aNewQuestionInsteadOfResultsLeavesTheUnansweredCallsOutOfTheRequest() throws Exception {
        backend.answer(ResultBackend.toolCalls(null, ToolCall.of("call_1", "get_weather", "{}")));
        backend.answer(final_());
        service.send("Weather?").await();

        service.send("Never mind: say hello.").await();

        JsonNode messages = wire(backend.requests.get(1)).path("messages");
        assertThat(messages).extracting(m -> m.path("role").asText()).containsExactly("system", "user", "user");
        assertThat(service.nextRequest(null).messages()).extracting(ChatMessage::role)
                .containsExactly("system", "user", "user", "assistant");
    }

    private static ChatResult final_() {
        return ResultBackend.text("Saint-Malo: 14 °C, sunny.", List.of());
    }

    private static JsonNode wire(ChatRequest request) throws Exception {
        return JSON.readTree(RequestJson.write(request));
    }
}
