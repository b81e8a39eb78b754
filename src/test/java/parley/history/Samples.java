package parley.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.Choice;
import parley.api.ExtendedParameters;
import parley.api.ResponseFormat;
import parley.api.TokenLogprob;
import parley.api.Tool;
import parley.api.ToolCall;
import parley.api.ToolChoice;
import parley.api.Usage;

/** Conversations with every kind of content the files must carry. */
final class Samples {
    static final Instant T0 = Instant.parse("2026-11-30T02:00:00.123Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {}

    static ChatRequest request() {
        return new ChatRequest("deepseek-ai/deepseek-v3.2-speciale", List.of(), 2048, 0.3, 0.9, 0.5, -0.25,
                List.of("END", "\n\n"), extended(), true, ChatRequest.StreamOptions.INCLUDE_USAGE,
                Map.of("top_k", 40));
    }

    /** Every extended parameter set, a JSON schema and a tool's parameters among them. */
    static ExtendedParameters extended() {
        ObjectNode city = JSON.createObjectNode().put("type", "object");
        city.putObject("properties").putObject("city").put("type", "string");
        city.putArray("required").add("city");
        ObjectNode answer = JSON.createObjectNode().put("type", "object");
        answer.putObject("properties").putObject("celsius").put("type", "number");
        return new ExtendedParameters(42L, 3, true, 5, ResponseFormat.jsonSchema("weather", answer, true),
                List.of(Tool.function("get_weather", "The weather now in a city", city)), ToolChoice.named("get_weather"),
                false, "user-7", "high");
    }

    /** A tool loop in thinking mode: a call (with reasoning and log-probabilities), its result, and three choices. */
    static SavedConversation toolLoop() {
        Map<String, Object> params = RequestParameters.of(request());
        ToolCall call = ToolCall.of("call_1", "get_weather", "{\"city\":\"Saint-Malo\"}");
        ToolCall broken = ToolCall.of("call_2", "get_weather", "{\"city\": \"Brest\"");
        List<TokenLogprob> tokens = List.of(new TokenLogprob("It", -0.01, List.of(73, 116),
                List.of(new TokenLogprob.Top("It", -0.01, null), new TokenLogprob.Top("The", -4.7, null))),
                new TokenLogprob("’s", -0.2, List.of(226, 128, 153), List.of()));
        List<Choice> choices = List.of(new Choice(0, "Sunny.", null, "stop", List.of(), tokens),
                new Choice(1, "It’s 14 °C and sunny.", "warm enough", "stop", List.of(), tokens),
                new Choice(2, "", null, "tool_calls", List.of(ToolCall.of("call_9", "get_weather", "{}")), List.of()));
        return new SavedConversation("c-2", "Weather", "deepseek", "deepseek-chat", "", null, T0, T0.plusSeconds(9),
                List.of(SavedMessage.typed("t-1", ChatMessage.USER, "Weather in Saint-Malo and Brest?", T0),
                        new SavedMessage("t-2", ChatMessage.ASSISTANT, "", "I should look it up.", "COMPLETE", null,
                                "deepseek-chat", params, new Usage(50, 20, 70, 12, null), T0.plusSeconds(2), null,
                                List.of(call, broken), null, tokens, List.of(), 0),
                        new SavedMessage("t-3", ChatMessage.TOOL, "{\"celsius\": 14, \"sky\": \"sunny\"}", "", "COMPLETE",
                                null, null, null, null, T0.plusSeconds(5), "get_weather", List.of(), "call_1", List.of(),
                                List.of(), 0),
                        new SavedMessage("t-4", ChatMessage.TOOL, "no such city ```", "", "COMPLETE", null, null, null,
                                null, T0.plusSeconds(5), "get_weather", List.of(), "call_2", List.of(), List.of(), 0),
                        new SavedMessage("t-5", ChatMessage.ASSISTANT, "It’s 14 °C and sunny.", "warm enough",
                                "COMPLETE", null, "deepseek-chat", params, new Usage(90, 10, 100, null, null),
                                T0.plusSeconds(8), null, List.of(), null, tokens, choices, 1)));
    }

    static SavedConversation conversation() {
        Map<String, Object> params = RequestParameters.of(request());
        return new SavedConversation("c-1", "Prime numbers, briefly", "atlascloud",
                "deepseek-ai/deepseek-v3.2-speciale", "You are terse.", null, T0, T0.plusSeconds(30), List.of(
                SavedMessage.typed("m-1", ChatMessage.USER, "Name the first three primes.\n  Then stop.", T0),
                new SavedMessage("m-2", ChatMessage.ASSISTANT, "2, 3 and 5.\n\n```\ncode 👍 \"quoted\"\n```",
                        "Smallest prime is 2…\n\nthen 3, 5.", "COMPLETE", null,
                        "deepseek-ai/deepseek-v3.2-speciale", params, new Usage(12, 30, 42, 20, 4), T0.plusSeconds(3)),
                SavedMessage.typed("m-3", ChatMessage.USER, "And the next?", T0.plusSeconds(10)),
                new SavedMessage("m-4", ChatMessage.ASSISTANT, "7 and", "", "FAILED", "HTTP 502: upstream",
                        "deepseek-ai/deepseek-v3.2", Map.of("max_tokens", 16), null, T0.plusSeconds(12))));
    }
}
