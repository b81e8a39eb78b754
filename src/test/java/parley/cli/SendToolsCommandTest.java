package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

/** {@code parley send} with tools, structured output, seed, several choices, log-probabilities and extra fields. */
class SendToolsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOOLS = "[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"The weather in a city\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}]";
    private static final String SCHEMA = "{\"name\":\"answer\",\"schema\":{\"type\":\"object\",\"properties\":"
            + "{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"],\"additionalProperties\":false},\"strict\":true}";

    private final ScriptedServer server = ScriptedServer.start();

    @TempDir
    Path dir;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private CliRun send(String... args) {
        List<String> all = new ArrayList<>(List.of("send", "--base-url", server.baseUrl(), "--model", "tiny-llama"));
        all.addAll(List.of(args));
        return CliRun.of(Map.of(), all.toArray(String[]::new));
    }

    private String file(String name, String text) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return path.toString();
    }

    private static String piece(String toolCall) {
        return "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[" + toolCall + "]},\"finish_reason\":null}]}";
    }

    /** A tool call streamed as servers send it: the name first, the arguments in pieces cut inside a character. */
    private static Reply streamedToolCall() {
        byte[] body = ("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null},\"finish_reason\":null}]}\n\n"
                + "data: " + piece("{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}") + "\n\n"
                + "data: " + piece("{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\": \\\"Zür\"}}") + "\n\n"
                + "data: " + piece("{\"index\":0,\"function\":{\"arguments\":\"ich\\\"}\"}}") + "\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
                + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
        return Reply.streamInPieces(body, 5);
    }

    @Test
    void everyExtendedOptionGoesIntoTheBodyAndTheExtraFieldsLast() throws Exception {
        server.enqueue(Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"{\\\"n\\\":1}\"},\"finish_reason\":\"stop\"}]}"));

        CliRun run = send("--message", "Count", "--seed", "7", "--n", "1", "--logprobs", "--top-logprobs", "3",
                "--response-format", file("schema.json", SCHEMA), "--tools", file("tools.json", TOOLS),
                "--tool-choice", "get_weather", "--reasoning-effort", "low",
                "--extra", "{\"thinking\":{\"type\":\"enabled\"},\"x_flag\":true}");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode body = JSON.readTree(server.requests().getFirst().bodyText());
        assertThat(body.path("seed").asLong()).isEqualTo(7);
        assertThat(body.path("n").asInt()).isEqualTo(1);
        assertThat(body.path("logprobs").asBoolean()).isTrue();
        assertThat(body.path("top_logprobs").asInt()).isEqualTo(3);
        assertThat(body.path("response_format")).isEqualTo(JSON.readTree("{\"type\":\"json_schema\",\"json_schema\":" + SCHEMA + "}"));
        assertThat(body.path("tools")).isEqualTo(JSON.readTree(TOOLS));
        assertThat(body.path("tool_choice")).isEqualTo(JSON.readTree("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}"));
        assertThat(body.path("reasoning_effort").asText()).isEqualTo("low");
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        assertThat(names.subList(names.size() - 2, names.size())).containsExactlyInAnyOrder("thinking", "x_flag");
        assertThat(body.path("thinking").path("type").asText()).isEqualTo("enabled");
    }

    @Test
    void goldenJsonWithNothingExtendedAsked() throws Exception {
        server.enqueue(Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}"));

        CliRun run = send("--message", "Hello", "--json");

        assertThat(run.code()).isZero();
        ObjectNode report = (ObjectNode) JSON.readTree(run.out());
        report.remove(List.of("ttft_ms", "duration_ms"));
        assertThat(report).isEqualTo(JSON.readTree("{\"content\":\"Hi\",\"reasoning\":\"\",\"finish_reason\":\"stop\","
                + "\"usage\":{\"prompt_tokens\":null,\"completion_tokens\":null,\"total_tokens\":null,\"reasoning_tokens\":null,"
                + "\"cached_tokens\":null},\"truncated\":false,\"error\":null,\"cost_usd\":null,\"tool_ms\":null,"
                + "\"tool_calls\":null,\"choices\":null,\"logprobs\":null}"));
    }

    @Test
    void aToolLoopThroughTheCommandLine() throws Exception {
        String tools = file("tools.json", TOOLS);
        server.enqueue(streamedToolCall());

        CliRun call = send("--message", "Weather in Zürich?", "--tools", tools, "--json");

        assertThat(call.code()).as(call.err()).isZero();
        JsonNode first = JSON.readTree(call.out());
        assertThat(first.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(first.path("tool_calls")).isEqualTo(JSON.readTree(
                "[{\"id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\": \\\"Zürich\\\"}\"}]"));

        JsonNode toolCall = first.path("tool_calls").path(0);
        ArrayNode messages = JSON.createArrayNode();
        messages.addObject().put("role", "user").put("content", "Weather in Zürich?");
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant.putNull("content");
        assistant.putArray("tool_calls").addObject().put("id", toolCall.path("id").asText()).put("type", "function")
                .putObject("function").put("name", toolCall.path("name").asText())
                .put("arguments", toolCall.path("arguments").asText());
        messages.addObject().put("role", "tool").put("tool_call_id", toolCall.path("id").asText()).put("content", "12 °C, rain");
        server.enqueue(Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"It is 12 °C and raining.\"},\"finish_reason\":\"stop\"}]}"));

        CliRun answer = send("--messages-file", file("messages.json", messages.toString()), "--tools", tools, "--json");

        assertThat(answer.code()).as(answer.err()).isZero();
        JsonNode last = JSON.readTree(answer.out());
        assertThat(last.path("content").asText()).isEqualTo("It is 12 °C and raining.");
        assertThat(last.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(last.path("tool_calls").isNull()).isTrue();
        JsonNode sent = JSON.readTree(server.requests().get(1).bodyText());
        assistant.remove("content"); // a null content is left out of the body
        assertThat(sent.path("messages")).isEqualTo(messages);
        assertThat(sent.path("tools")).isEqualTo(JSON.readTree(TOOLS));
    }

    @Test
    void aToolCallIsPrintedInTextMode() {
        server.enqueue(streamedToolCall());

        CliRun run = send("--message", "Weather?", "--tools", dirFile("tools.json", TOOLS));

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("tool call call_1: get_weather {\"city\": \"Zürich\"}\n");
    }

    @Test
    void threeChoicesComeWholeAndTheTopLevelIsTheFirst() throws Exception {
        server.enqueue(Reply.sse(
                "{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"B\"}},{\"index\":0,\"delta\":{\"content\":\"A\"}}]}",
                "{\"choices\":[{\"index\":2,\"delta\":{\"content\":\"C\"}}]}",
                "{\"choices\":[{\"index\":2,\"delta\":{},\"finish_reason\":\"length\"},{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"}]}",
                "{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}"));

        CliRun run = send("--message", "Three", "--n", "3", "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("content").asText()).isEqualTo("Aa");
        assertThat(report.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(report.path("choices")).isEqualTo(JSON.readTree("["
                + "{\"content\":\"Aa\",\"reasoning\":\"\",\"finish_reason\":\"stop\",\"tool_calls\":null,\"logprobs\":null},"
                + "{\"content\":\"Bb\",\"reasoning\":\"\",\"finish_reason\":\"stop\",\"tool_calls\":null,\"logprobs\":null},"
                + "{\"content\":\"C\",\"reasoning\":\"\",\"finish_reason\":\"length\",\"tool_calls\":null,\"logprobs\":null}]"));
        assertThat(JSON.readTree(server.requests().getFirst().bodyText()).path("n").asInt()).isEqualTo(3);
    }

    @Test
    void logprobsOfAWholeAnswer() throws Exception {
        server.enqueue(Reply.json(200, "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Yes\"},\"logprobs\":{\"content\":[{\"token\":\"Yes\",\"logprob\":-0.1,\"bytes\":[89,101,115],"
                + "\"top_logprobs\":[{\"token\":\"Yes\",\"logprob\":-0.1,\"bytes\":[89,101,115]},{\"token\":\"No\",\"logprob\":-2.4,\"bytes\":[78,111]}]}]},"
                + "\"finish_reason\":\"stop\"}]}"));

        CliRun run = send("--message", "Sure?", "--no-stream", "--logprobs", "--top-logprobs", "2", "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("logprobs")).isEqualTo(JSON.readTree(
                "[{\"token\":\"Yes\",\"logprob\":-0.1,\"top\":[{\"token\":\"Yes\",\"logprob\":-0.1},{\"token\":\"No\",\"logprob\":-2.4}]}]"));
        assertThat(report.path("choices").isNull()).as("n not asked for").isTrue();
    }

    private String dirFile(String name, String text) {
        try {
            return file(name, text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(List.of("--tools", "/no/such/tools.json"), "--tools /no/such/tools.json: cannot be read"),
                Arguments.of(List.of("--tools", "@bad.json"), "--tools"),
                Arguments.of(List.of("--tools", "@object.json"), "expected the API's tools array"),
                Arguments.of(List.of("--tools", "@nameless.json"), "tools[0].function.name: every tool needs a name"),
                Arguments.of(List.of("--tools", "@duplicate.json"), "already the name of another tool"),
                Arguments.of(List.of("--tools", "@badschema.json"), "tools[0].function.parameters: not a valid JSON Schema"),
                Arguments.of(List.of("--response-format", "xml"), "--response-format xml: cannot be read"),
                Arguments.of(List.of("--response-format", "@object.json"), "expected the json_schema object"),
                Arguments.of(List.of("--response-format", "@unnamed-schema.json"), "response_format.json_schema.name: required"),
                Arguments.of(List.of("--tool-choice", "get_time", "--tools", "@tools.json"), "tool_choice: no tool is named \"get_time\""),
                Arguments.of(List.of("--top-logprobs", "3"), "top_logprobs: needs logprobs"),
                Arguments.of(List.of("--logprobs", "--top-logprobs", "21"), "top_logprobs: must be a whole number from 0 to 20"),
                Arguments.of(List.of("--n", "0"), "n: must be a whole number from 1 to 128"),
                Arguments.of(List.of("--reasoning-effort", "max"), "reasoning_effort"),
                Arguments.of(List.of("--extra", "{oops"), "--extra: not valid JSON"),
                Arguments.of(List.of("--extra", "[1]"), "--extra: expected a JSON object"),
                Arguments.of(List.of("--temperature", "1", "--extra", "{\"temperature\":5}"), "\"temperature\" is already set as a parameter of its own"),
                Arguments.of(List.of("--messages-file", "@object.json"), "--messages-file"),
                Arguments.of(List.of("--messages-file", "@bad.json"), "not valid JSON at line 1"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void badInputIsRefusedWithOneLineNamingTheOptionAndNothingIsSent(List<String> args, String named) throws Exception {
        Map<String, String> files = Map.of("bad.json", "{\"a\":", "object.json", "{\"a\":1}", "tools.json", TOOLS,
                "nameless.json", "[{\"type\":\"function\",\"function\":{\"parameters\":{}}}]",
                "duplicate.json", "[{\"type\":\"function\",\"function\":{\"name\":\"f\"}},{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]",
                "badschema.json", "[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"obj\"}}}]",
                "unnamed-schema.json", "{\"schema\":{\"type\":\"object\"}}");
        List<String> all = new ArrayList<>(List.of("--message", "Hi"));
        for (String arg : args) {
            all.add(arg.startsWith("@") ? file(arg.substring(1), files.get(arg.substring(1))) : arg);
        }

        CliRun run = send(all.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("parley: ").contains(named).doesNotContain("Exception");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(server.requestCount()).isZero();
    }
}
