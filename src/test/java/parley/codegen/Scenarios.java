package parley.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ExtendedParameters;
import parley.api.ResponseFormat;
import parley.api.Tool;
import parley.api.ToolCall;
import parley.api.ToolChoice;

/** The requests the generator tests turn into code. */
final class Scenarios {
    static final String ATLAS = "https://api.atlascloud.ai/v1";
    static final String ATLAS_KEY = "ATLASCLOUD_API_KEY";
    static final String MODEL = "deepseek-ai/deepseek-v3.2-speciale";
    /** The model that takes tools (the default, Speciale, takes none). */
    static final String TOOL_MODEL = "deepseek-ai/deepseek-v3.2";
    static final String WEATHER_SCHEMA = """
            {"type": "object",
             "properties": {"city": {"type": "string", "description": "The city's name, e.g. \\\"Paris\\\""},
                            "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
             "required": ["city"], "additionalProperties": false}""";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text that breaks naive quoting in every language and in the shell. */
    static final String TRICKY = "Say \"hi\" and 'bye'\\n (a backslash-n), then a real newline:\n"
            + "\tthe tab, $(whoami), $HOME, `uname -a`, !! and !$, \\ alone, \"\"\" three quotes,"
            + " emoji 👋🏽🚀, CJK 你好世界 こんにちは, é ü ß";

    private Scenarios() {}

    /** The provider page's example: one user message, max_tokens 1024, temperature 0.7. */
    static ChatRequest seed() {
        return ChatRequest.of(MODEL, List.of(ChatMessage.user("hello")));
    }

    /** Every parameter on, a system prompt, a whole conversation, tricky text, streaming with usage. */
    static ChatRequest everything(boolean stream) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("top_k", 40);
        extra.put("chat_template_kwargs", Map.of("enable_thinking", false));
        return new ChatRequest(MODEL,
                List.of(ChatMessage.system("You are terse. Answer in one line."),
                        ChatMessage.user(TRICKY),
                        ChatMessage.assistant("Done: \"hi\" 'bye' `ok` $(nothing) 🚀"),
                        ChatMessage.user("Again, shorter.")),
                512, 0.7, 0.95, 0.5, -0.25, List.of("\n\n", "END"),
                stream, stream ? ChatRequest.StreamOptions.INCLUDE_USAGE : null, extra);
    }

    /** The tools the tool scenarios offer: one with a schema and strict, one without parameters. */
    static List<Tool> tools() {
        Tool weather = new Tool(Tool.FUNCTION, new Tool.Function("get_weather",
                "The weather in a city now. Say \"which\" city; `$HOME` stays as it is.", json(WEATHER_SCHEMA), true));
        Tool time = Tool.function("get_time", null, null);
        return List.of(weather, time);
    }

    /**
     * Tools offered, and a conversation that already went through a tool call: the assistant's calls
     * (with the reasoning DeepSeek wants back), the tools' results with tricky text, the answer and a
     * new question.
     */
    static ChatRequest tools(boolean stream) {
        List<ChatMessage> messages = List.of(
                ChatMessage.system("Use the tools when they help."),
                ChatMessage.user("What is the weather in Paris, and what time is it?"),
                ChatMessage.assistantCalls(null, List.of(
                        ToolCall.of("call_1", "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"),
                        ToolCall.of("call_2", "get_time", "{}")), "Two tools: weather and time."),
                ChatMessage.toolResult("call_1", "{\"temp\": 21, \"sky\": \"sunny\", \"note\": \"$(whoami) `id` 👋 \\n\"}"),
                ChatMessage.toolResult("call_2", "14:05\nCET"),
                ChatMessage.assistant("Sunny, 21 °C; it is 14:05."),
                ChatMessage.user("And in Tōkyō?"));
        ExtendedParameters extended = ExtendedParameters.NONE.withTools(tools(), ToolChoice.AUTO, false);
        return new ChatRequest(TOOL_MODEL, messages, 512, 0.7, null, null, null, null, extended,
                stream, stream ? ChatRequest.StreamOptions.INCLUDE_USAGE : null, null);
    }

    /** One question with tools offered and a named tool_choice: the request the tool-loop tests start from. */
    static ChatRequest toolQuestion(boolean stream) {
        ExtendedParameters extended = ExtendedParameters.NONE.withTools(tools(), ToolChoice.named("get_weather"), null);
        return new ChatRequest(TOOL_MODEL, List.of(ChatMessage.user("Weather in Paris and Oslo?")), null, null, null,
                null, null, null, extended, stream, null, null);
    }

    /** Structured output with a JSON schema, a seed, two choices, log-probabilities, user, reasoning effort and extra fields. */
    static ChatRequest structured() {
        JsonNode schema = json("""
                {"type": "object",
                 "properties": {"answer": {"type": "string"}, "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                                "sources": {"type": "array", "items": {"type": "string"}}},
                 "required": ["answer", "confidence", "sources"], "additionalProperties": false}""");
        ExtendedParameters extended = ExtendedParameters.NONE
                .withSeed(4_242_424_242L)
                .withN(2)
                .withLogprobs(true, 5)
                .withResponseFormat(ResponseFormat.jsonSchema("answer", schema, true))
                .withUser("user-1234")
                .withReasoningEffort("low");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("thinking", Map.of("type", "disabled"));
        extra.put("top_k", 40);
        return new ChatRequest(TOOL_MODEL, List.of(ChatMessage.system("Answer in JSON."),
                ChatMessage.user("Is the sky blue? Say \"why\" in one line.")),
                256, 0.2, null, null, null, null, extended, false, null, extra);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A local server without a key, parameters left out. */
    static ChatRequest bare(boolean stream) {
        return new ChatRequest("qwen2.5:0.5b", List.of(ChatMessage.user("hello")),
                null, null, null, null, null, null, stream, null, null);
    }
}
