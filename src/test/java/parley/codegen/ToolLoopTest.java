package parley.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.RequestJson;
import parley.api.ToolCall;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Recorded;
import parley.testing.ScriptedServer.Reply;

/**
 * The tool-call loop of the SDK snippets (python-openai against the stand-in of its package,
 * node-openai with the npm package), run against a scripted server that first asks for two tools.
 * With {@code run_tool} filled in as a user would, the next request carries the conversation, the
 * assistant's calls (streamed: assembled from pieces split inside the arguments and interleaved by
 * index) with the reasoning DeepSeek wants back, and one tool message per call, as Parley's own
 * records write them; the final answer is printed. Left as generated, {@code run_tool}
 * stops the snippet with a message saying to implement it; a model that never stops calling tools is
 * cut off after the snippet's round limit.
 */
class ToolLoopTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ENV = "PARLEY_FIDELITY_KEY";
    private static final String KEY = "sk-test-" + UUID.randomUUID();
    private static final int MAX_ROUNDS = 10;
    private static final String REASONING = "Two cities: two calls.";
    private static final String ANSWER = "Sunny in Paris and in Oslo 🌞";
    private static final String CALLS = """
            {"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,\
            "message":{"role":"assistant","content":null,"reasoning_content":"Two cities: two calls.","tool_calls":[\
            {"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},\
            {"id":"call_b","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\": \\"Oslo\\"}"}}]},\
            "finish_reason":"tool_calls"}]}""";
    private static final String[] CALLS_STREAM = {
            "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"Two cities: \"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"two calls.\"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"ci\"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\": \"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ty\\\":\\\"Par\"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"\\\"Oslo\\\"}\"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"is\\\"}\"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}"};
    private static final String FINAL = """
            {"id":"c2","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,\
            "message":{"role":"assistant","content":"Sunny in Paris and in Oslo 🌞"},"finish_reason":"stop"}]}""";
    private static final String[] FINAL_STREAM = {
            "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Sunny in Paris \"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"and in Oslo 🌞\"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"};

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String language : List.of("python-openai", "node-openai")) {
            all.add(Arguments.of(language, false));
            all.add(Arguments.of(language, true));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} stream={1}")
    @MethodSource("cases")
    void sendsTheCallsAndResultsBackAndPrintsTheAnswer(String language, boolean stream) throws Exception {
        Toolchain toolchain = Toolchain.forLanguage(language).require();
        ChatRequest request = Scenarios.toolQuestion(stream);
        try (ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(calls(stream)).enqueue(answer(stream));
            String code = filledIn(language, generate(language, server, request));

            Toolchain.Run run = toolchain.run(code, fileName(language), "loop-" + stream, Map.of(KEY_ENV, KEY));

            assertThat(run.exitCode()).as("exit code; stderr:\n%s\nstdout:\n%s", run.stderr(), run.stdout()).isZero();
            List<Recorded> requests = server.requests();
            assertThat(requests).as("the question, then the tools' results").hasSize(2);
            ExecutedCodeTest.assertSameJson(requests.get(0).bodyText(), RequestJson.write(request));
            ExecutedCodeTest.assertSameJson(withoutNulls(requests.get(1).bodyText()),
                    withoutNulls(RequestJson.write(continuation(request))));
            assertThat(requests.get(1).header("authorization")).isEqualTo("Bearer " + KEY);
            assertThat(run.stdout()).contains(ANSWER);
            assertThat(run.stderr()).contains(REASONING);
        }
    }

    @ParameterizedTest(name = "{0} stream={1}")
    @MethodSource("cases")
    void runToolLeftAsGeneratedStopsWithAMessageToImplementIt(String language, boolean stream) throws Exception {
        Toolchain toolchain = Toolchain.forLanguage(language).require();
        ChatRequest request = Scenarios.toolQuestion(stream);
        try (ScriptedServer server = ScriptedServer.start().fallback(r -> calls(stream))) {
            String code = generate(language, server, request);

            Toolchain.Run run = toolchain.run(code, fileName(language), "unfilled-" + stream, Map.of(KEY_ENV, KEY));

            assertThat(run.exitCode()).isNotZero();
            assertThat(run.stderr()).contains(language.startsWith("python") ? "implement run_tool()" : "implement runTool()")
                    .contains("get_weather");
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0} stream={1}")
    @MethodSource("cases")
    void stopsAfterTheRoundLimitWhenTheModelKeepsCallingTools(String language, boolean stream) throws Exception {
        Toolchain toolchain = Toolchain.forLanguage(language).require();
        ChatRequest request = Scenarios.toolQuestion(stream);
        try (ScriptedServer server = ScriptedServer.start().fallback(r -> calls(stream))) {
            String code = filledIn(language, generate(language, server, request));

            Toolchain.Run run = toolchain.run(code, fileName(language), "endless-" + stream, Map.of(KEY_ENV, KEY));

            assertThat(run.exitCode()).isNotZero();
            assertThat(run.stderr()).contains("No final answer after " + MAX_ROUNDS + " rounds of tool calls.");
            assertThat(server.requestCount()).isEqualTo(MAX_ROUNDS);
        }
    }

    private static Reply calls(boolean stream) {
        return stream ? Reply.sse(CALLS_STREAM) : Reply.json(200, CALLS);
    }

    private static Reply answer(boolean stream) {
        return stream ? Reply.sse(FINAL_STREAM) : Reply.json(200, FINAL);
    }

    /** The request after one round: the assistant's calls with its reasoning, then each call's result
     *  from the filled-in run_tool. */
    private static ChatRequest continuation(ChatRequest request) {
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        messages.add(ChatMessage.assistantCalls(null, List.of(
                ToolCall.of("call_a", "get_weather", "{\"city\":\"Paris\"}"),
                ToolCall.of("call_b", "get_weather", "{\"city\": \"Oslo\"}")), REASONING));
        messages.add(ChatMessage.toolResult("call_a", "sunny in Paris"));
        messages.add(ChatMessage.toolResult("call_b", "sunny in Oslo"));
        return request.withMessages(messages);
    }

    private static String generate(String language, ScriptedServer server, ChatRequest request) {
        return CodeLanguages.find(language).orElseThrow().generate(new CodeRequest(server.baseUrl(), KEY_ENV, request));
    }

    /** The snippet with its tool function written as a user would: it answers from the arguments. */
    private static String filledIn(String language, String code) {
        String filled = language.startsWith("python")
                ? code.replaceFirst("(?m)^    raise NotImplementedError\\(.*$",
                        "    return f\"sunny in {arguments['city']}\"")
                : code.replaceFirst("(?m)^  throw new Error\\(`implement runTool.*$",
                        "  return `sunny in \\${args.city}`;");
        assertThat(filled).as("the tool function to fill in").isNotEqualTo(code);
        return filled;
    }

    private static String fileName(String language) {
        return CodeLanguages.find(language).orElseThrow().fileName();
    }

    /** The body with null members left out: to a server, a null member and a missing one are alike. */
    private static String withoutNulls(String body) throws Exception {
        JsonNode tree = JSON.readTree(body);
        strip(tree);
        return tree.toString();
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.properties().forEach(field -> {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                }
            });
            object.remove(nulls);
            object.forEach(ToolLoopTest::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ToolLoopTest::strip);
        }
    }
}
