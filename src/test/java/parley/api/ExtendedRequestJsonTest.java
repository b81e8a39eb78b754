package parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The extended fields are written flat, in a fixed place, and left out when unset. */
class ExtendedRequestJsonTest {
    @Test
    void unsetExtendedFieldsAreLeftOut() {
        ChatRequest request = ChatRequest.of("m", List.of(ChatMessage.user("Hi")));
        assertThat(RequestJson.write(request))
                .isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":1024,\"temperature\":0.7}");
    }

    @Test
    void extendedFieldsAreWrittenFlatBetweenStopAndStreamAndExtraComesLast() throws Exception {
        var schema = new ObjectMapper().readTree("{\"type\":\"object\"}");
        ExtendedParameters extended = ExtendedParameters.NONE.withSeed(42L).withN(2).withLogprobs(true, 3)
                .withResponseFormat(ResponseFormat.jsonSchema("answer", schema, true))
                .withTools(List.of(Tool.function("get_weather", "The weather", schema)), ToolChoice.named("get_weather"), false)
                .withUser("u-1").withReasoningEffort("low");
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("Hi")), null, null, null, null, null,
                List.of("END"), extended, true, ChatRequest.StreamOptions.INCLUDE_USAGE, Map.of("thinking", Map.of("type", "enabled")));

        assertThat(RequestJson.write(request)).isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"stop\":[\"END\"],\"seed\":42,\"n\":2,\"logprobs\":true,\"top_logprobs\":3,"
                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"answer\",\"schema\":{\"type\":\"object\"},\"strict\":true}},"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"The weather\",\"parameters\":{\"type\":\"object\"}}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}},\"parallel_tool_calls\":false,"
                + "\"user\":\"u-1\",\"reasoning_effort\":\"low\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"thinking\":{\"type\":\"enabled\"}}");
    }

    @Test
    void toolMessagesCarryTheirCallsAndIds() {
        ChatMessage call = ChatMessage.assistantCalls(null, List.of(ToolCall.of("call_1", "get_weather", "{\"city\":\"Oslo\"}")), "thinking");
        ChatRequest request = ChatRequest.of("m", List.of(call, ChatMessage.toolResult("call_1", "12 C")));
        assertThat(RequestJson.write(request)).contains("\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}],"
                + "\"reasoning_content\":\"thinking\"},{\"role\":\"tool\",\"content\":\"12 C\",\"tool_call_id\":\"call_1\"}]");
    }
}
