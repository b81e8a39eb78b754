package parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExtendedValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("Hello"));

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final JsonNode CITY = json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
    static final Tool WEATHER = Tool.function("get_weather", "The weather", CITY);

    static ChatRequest with(ExtendedParameters extended) {
        return ChatRequest.of("m", HELLO).withExtended(extended);
    }

    static ExtendedParameters none() {
        return ExtendedParameters.NONE;
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(none().withN(0), "n: must be a whole number from 1 to 128 (was 0)"),
                Arguments.of(none().withN(129), "n: must be a whole number from 1 to 128 (was 129)"),
                Arguments.of(none().withLogprobs(true, 21), "top_logprobs: must be a whole number from 0 to 20 (was 21)"),
                Arguments.of(none().withLogprobs(true, -1), "top_logprobs: must be a whole number from 0 to 20 (was -1)"),
                Arguments.of(none().withLogprobs(null, 3), "top_logprobs: needs logprobs set to true"),
                Arguments.of(none().withLogprobs(false, 3), "top_logprobs: needs logprobs set to true"),
                Arguments.of(none().withTools(List.of(Tool.function(null, null, CITY)), null, null),
                        "tools[0].function.name: every tool needs a name"),
                Arguments.of(none().withTools(List.of(Tool.function("", null, CITY)), null, null),
                        "tools[0].function.name: every tool needs a name"),
                Arguments.of(none().withTools(List.of(Tool.function("get weather", null, CITY)), null, null),
                        "tools[0].function.name: use 1 to 64 letters, digits, _ or - (was \"get weather\")"),
                Arguments.of(none().withTools(List.of(Tool.function("x".repeat(65), null, CITY)), null, null),
                        "tools[0].function.name: use 1 to 64 letters"),
                Arguments.of(none().withTools(List.of(WEATHER, Tool.function("get_weather", null, null)), null, null),
                        "tools[1].function.name: \"get_weather\" is already the name of another tool"),
                Arguments.of(none().withTools(List.of(new Tool("retrieval", WEATHER.function())), null, null),
                        "tools[0].type: must be \"function\" (was \"retrieval\")"),
                Arguments.of(none().withTools(List.of(Tool.function("f", null, json("{\"type\":\"strin\"}"))), null, null),
                        "tools[0].function.parameters: not a valid JSON Schema: /type: does not have a value in the enumeration"),
                Arguments.of(none().withTools(List.of(Tool.function("f", null, json("[1]"))), null, null),
                        "tools[0].function.parameters: not a valid JSON Schema: the whole value: a schema must be a JSON object"),
                Arguments.of(none().withTools(List.of(Tool.function("f", null, json("{\"$ref\":\"#/$defs/missing\"}"))), null, null),
                        "tools[0].function.parameters: not a valid JSON Schema: the whole value: the schema cannot be used"),
                Arguments.of(none().withTools(List.of(WEATHER), ToolChoice.named("get_time"), null),
                        "tool_choice: no tool is named \"get_time\"; name one of the tools (get_weather)"),
                Arguments.of(none().withTools(null, ToolChoice.named("get_time"), null),
                        "tool_choice: no tool is named \"get_time\"; name one of the tools (there are none)"),
                Arguments.of(none().withTools(null, ToolChoice.REQUIRED, null),
                        "tool_choice: required needs at least one tool"),
                Arguments.of(none().withResponseFormat(new ResponseFormat("xml", null)),
                        "response_format.type: must be text, json_object or json_schema (was \"xml\")"),
                Arguments.of(none().withResponseFormat(new ResponseFormat("json_schema", null)),
                        "response_format.json_schema: required for json_schema"),
                Arguments.of(none().withResponseFormat(ResponseFormat.jsonSchema(null, CITY, true)),
                        "response_format.json_schema.name: required"),
                Arguments.of(none().withResponseFormat(ResponseFormat.jsonSchema("my schema", CITY, true)),
                        "response_format.json_schema.name: use 1 to 64 letters, digits, _ or - (was \"my schema\")"),
                Arguments.of(none().withResponseFormat(ResponseFormat.jsonSchema("city", null, true)),
                        "response_format.json_schema.schema: required"),
                Arguments.of(none().withResponseFormat(ResponseFormat.jsonSchema("city", json("{\"required\":\"city\"}"), true)),
                        "response_format.json_schema.schema: not a valid JSON Schema: /required: string found, array expected"),
                Arguments.of(none().withReasoningEffort("max"),
                        "reasoning_effort: must be one of minimal, low, medium, high (was \"max\")"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void refusesWithOneLineThatSaysWhatToChange(ExtendedParameters extended, String expected) {
        assertThat(RequestValidator.problems(with(extended))).singleElement().asString().startsWith(expected)
                .doesNotContain("\n");
    }

    @Test
    void acceptsEveryFieldWithinItsBounds() {
        ExtendedParameters all = new ExtendedParameters(42L, 128, true, 20, ResponseFormat.jsonSchema("city", CITY, true),
                List.of(WEATHER, Tool.function("get-time_2", null, null)), ToolChoice.named("get-time_2"), false, "u1", "minimal");
        assertThat(RequestValidator.problems(with(all))).isEmpty();
        assertThat(RequestValidator.problems(with(none().withN(1).withLogprobs(true, 0)
                .withResponseFormat(ResponseFormat.JSON_OBJECT).withTools(List.of(WEATHER), ToolChoice.REQUIRED, true)))).isEmpty();
        assertThat(RequestValidator.problems(with(none().withLogprobs(true, null).withResponseFormat(ResponseFormat.TEXT)
                .withTools(List.of(WEATHER), ToolChoice.NONE, null).withReasoningEffort("high")))).isEmpty();
    }

    @Test
    void anExtraFieldMayNotRepeatAParameterThatIsSet() {
        ChatRequest request = ChatRequest.of("m", HELLO).withExtended(none().withSeed(1L))
                .withExtra(java.util.Map.of("seed", 2, "thinking", java.util.Map.of("type", "enabled")));
        assertThat(RequestValidator.problems(request)).containsExactly(
                "extra fields: \"seed\" is already set as a parameter of its own; leave it out of the extra fields or unset the parameter");
        assertThat(RequestValidator.problems(request.withExtended(none()))).as("seed unset: the extra field is sent").isEmpty();
    }

    @Test
    void aToolLoopsMessagesAreAccepted() {
        ChatRequest loop = ChatRequest.of("m", List.of(ChatMessage.user("Weather in Paris?"),
                ChatMessage.assistantCalls(null, List.of(ToolCall.of("call_1", "get_weather", "{\"city\":\"Paris\"}")), "think"),
                ChatMessage.toolResult("call_1", "12 C"))).withExtended(none().withTools(List.of(WEATHER), null, null));
        assertThat(RequestValidator.problems(loop)).isEmpty();
    }

    @Test
    void aToolMessageMustNameItsCallAndOnlyAnAssistantCalls() {
        ChatRequest bad = ChatRequest.of("m", List.of(ChatMessage.toolResult(null, "12 C"),
                new ChatMessage("user", "x", null, List.of(ToolCall.of("c", "f", "{}")), null, null)));
        assertThat(RequestValidator.problems(bad)).containsExactly(
                "messages[0].tool_call_id: a tool message must name the call it answers",
                "messages[1].tool_calls: only an assistant message carries tool calls");
    }
}
