package parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestValidatorTest {
    private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("Hello"));

    static ChatRequest req(String model, List<ChatMessage> messages, Integer maxTokens, Double temperature,
                           Double topP, Double frequency, Double presence, List<String> stop) {
        return new ChatRequest(model, messages, maxTokens, temperature, topP, frequency, presence, stop,
                null, null, Map.of());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(req(null, HELLO, null, null, null, null, null, null), "model: required"),
                Arguments.of(req(" ", HELLO, null, null, null, null, null, null), "model: required"),
                Arguments.of(req("m", List.of(), null, null, null, null, null, null), "messages: at least one message is required"),
                Arguments.of(req("m", List.of(new ChatMessage("function", "x")), null, null, null, null, null, null),
                        "messages[0].role: must be system, user, assistant or tool (was \"function\")"),
                Arguments.of(req("m", List.of(new ChatMessage(null, "x")), null, null, null, null, null, null),
                        "messages[0].role: must be system, user, assistant or tool (was missing)"),
                Arguments.of(req("m", List.of(new ChatMessage("tool", "18 °C")), null, null, null, null, null, null),
                        "messages[0].tool_call_id: a tool message must name the call it answers"),
                Arguments.of(req("m", List.of(ChatMessage.system("s"), ChatMessage.user("")), null, null, null, null, null, null),
                        "messages[1].content: must not be empty"),
                Arguments.of(req("m", HELLO, 0, null, null, null, null, null), "max_tokens: must be an integer of at least 1 (was 0)"),
                Arguments.of(req("m", HELLO, null, 2.01, null, null, null, null), "temperature: must be between 0 and 2 (was 2.01)"),
                Arguments.of(req("m", HELLO, null, -0.1, null, null, null, null), "temperature: must be between 0 and 2 (was -0.1)"),
                Arguments.of(req("m", HELLO, null, Double.NaN, null, null, null, null), "temperature: must be between 0 and 2 (was NaN)"),
                Arguments.of(req("m", HELLO, null, null, 1.5, null, null, null), "top_p: must be between 0 and 1 (was 1.5)"),
                Arguments.of(req("m", HELLO, null, null, null, -3.0, null, null), "frequency_penalty: must be between -2 and 2 (was -3)"),
                Arguments.of(req("m", HELLO, null, null, null, null, 2.5, null), "presence_penalty: must be between -2 and 2 (was 2.5)"),
                Arguments.of(req("m", HELLO, null, null, null, null, null, List.of("a", "b", "c", "d", "e")), "stop: at most 4 strings (was 5)"),
                Arguments.of(req("m", HELLO, null, null, null, null, null, List.of("a", "")), "stop[1]: must not be empty"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesWithOneLineNamingTheParameter(ChatRequest request, String expected) {
        assertThat(RequestValidator.problems(request)).singleElement().asString().startsWith(expected);
    }

    @Test
    void acceptsTheBoundsThemselves() {
        assertThat(RequestValidator.problems(req("m", HELLO, 1, 0.0, 0.0, -2.0, -2.0, List.of("a", "b", "c", "d")))).isEmpty();
        assertThat(RequestValidator.problems(req("m", HELLO, 1024, 2.0, 1.0, 2.0, 2.0, null))).isEmpty();
        assertThat(RequestValidator.problems(ChatRequest.of("deepseek-ai/deepseek-v3.2-speciale", HELLO))).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<String> problems = RequestValidator.problems(req("", List.of(), 0, 3.0, 2.0, 9.0, -9.0, null));
        assertThat(problems).hasSize(7);
        assertThat(problems).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
    }

    @Test
    void acceptsAToolLoopTurnWhoseCallsComeWithoutText() {
        List<ChatMessage> messages = List.of(ChatMessage.user("Weather in Paris?"),
                ChatMessage.assistantCalls(null, List.of(ToolCall.of("call_1", "get_weather", "{\"city\":\"Paris\"}")), null),
                ChatMessage.toolResult("call_1", "18 °C"));
        assertThat(RequestValidator.problems(req("m", messages, null, null, null, null, null, null))).isEmpty();
    }
}
