package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.mcp.EverythingServer;
import parley.store.Database;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.usage.UsageFilter;
import parley.usage.UsageLedger;

/**
 * {@code parley send --mcp} with the protocol's reference server started for real: its tools in the
 * request, and with {@code --allow-tools} the model → tool → model loop.
 */
class SendMcpCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScriptedServer server = ScriptedServer.start();

    @TempDir
    Path home;

    @BeforeEach
    void addTheReferenceServer() {
        List<String> args = new ArrayList<>(List.of("mcp", "add", "everything", "--"));
        args.addAll(EverythingServer.command());
        CliRun added = CliRun.of(env(), args.toArray(String[]::new));
        assertThat(added.code()).as(added.err()).isZero();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Map<String, String> env() {
        return Map.of("PARLEY_HOME", home.toString());
    }

    private CliRun send(String... more) {
        List<String> args = new ArrayList<>(List.of("send", "--base-url", server.baseUrl(), "--model", "tiny-llama",
                "--message", "What is 1.5 plus 2?", "--mcp", "everything"));
        args.addAll(List.of(more));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return CliRun.of(env(), new LedgerHook(env(), quiet, Clock.systemDefaultZone()), args.toArray(String[]::new));
    }

    private static Reply callsTool(String id, String name, String arguments) throws Exception {
        String call = JSON.writeValueAsString(Map.of("index", 0, "id", id, "type", "function",
                "function", Map.of("name", name, "arguments", arguments)));
        return Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[" + call + "]},"
                        + "\"finish_reason\":null}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}");
    }

    private static Reply answers(String text) {
        return Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}]}");
    }

    private JsonNode body(int request) throws Exception {
        return JSON.readTree(server.requests().get(request).bodyText());
    }

    private static List<String> toolNames(JsonNode body) {
        return body.get("tools").findValuesAsText("name");
    }

    @Test
    void withoutAllowToolsTheCallIsPrintedAndNotRun() throws Exception {
        server.enqueue(callsTool("call_1", "everything__get-sum", "{\"a\":1.5,\"b\":2}"));

        CliRun run = send("--json");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(toolNames(body(0))).contains("everything__get-sum", "everything__echo");
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(report.get("tool_calls").get(0).get("name").asText()).isEqualTo("everything__get-sum");
        assertThat(report.get("tool_ms").isNull()).isTrue();
    }

    @Test
    void withAllowToolsTheResultGoesBackAndTheModelAnswers() throws Exception {
        server.enqueue(callsTool("call_1", "everything__get-sum", "{\"a\":1.5,\"b\":2}"));
        server.enqueue(answers("It is 3.5."));

        CliRun run = send("--allow-tools");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("tool call call_1: everything__get-sum").endsWith("It is 3.5.\n");
        assertThat(run.err()).containsPattern("tool everything__get-sum \\(\\d+ ms\\)");
        assertThat(server.requestCount()).isEqualTo(2);
        JsonNode messages = body(1).get("messages");
        JsonNode asking = messages.get(messages.size() - 2);
        JsonNode result = messages.get(messages.size() - 1);
        assertThat(asking.get("tool_calls").get(0).get("function").get("name").asText()).isEqualTo("everything__get-sum");
        assertThat(result.get("role").asText()).isEqualTo("tool");
        assertThat(result.get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(result.get("content").asText()).contains("3.5").doesNotStartWith("Error");
        assertThat(toolNames(body(1))).contains("everything__get-sum");
        try (Database db = AppDatabase.open(home.resolve(Database.FILE_NAME))) {
            assertThat(new UsageLedger(db).entries(UsageFilter.ALL)).hasSize(2);
        }
    }

    @Test
    void theJsonReportHasTheTimeSpentInTools() throws Exception {
        server.enqueue(callsTool("call_1", "everything__get-sum", "{\"a\":1,\"b\":2}"));
        server.enqueue(answers("3"));

        CliRun run = send("--allow-tools", "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("content").asText()).isEqualTo("3");
        assertThat(report.get("tool_calls").isNull()).isTrue();
        assertThat(report.get("tool_ms").isIntegralNumber()).isTrue();
        assertThat(report.get("tool_ms").asLong()).isNotNegative();
    }

    @Test
    void aToolNoServerHasGetsAnErrorResultTheModelSees() throws Exception {
        server.enqueue(callsTool("call_9", "everything__no-such-tool", "{}"));
        server.enqueue(answers("Sorry."));

        CliRun run = send("--allow-tools");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("tool everything__no-such-tool (0 ms): error: No MCP server of this request has a tool named");
        JsonNode messages = body(1).get("messages");
        JsonNode result = messages.get(messages.size() - 1);
        assertThat(result.get("tool_call_id").asText()).isEqualTo("call_9");
        assertThat(result.get("content").asText()).startsWith("Error: No MCP server of this request has a tool named "
                + "everything__no-such-tool").contains("everything__get-sum");
    }

    @Test
    void argumentsThatDoNotMatchTheSchemaAreAnErrorResult() throws Exception {
        server.enqueue(callsTool("call_2", "everything__get-sum", "{\"a\":\"one\"}"));
        server.enqueue(answers("Oops."));

        CliRun run = send("--allow-tools");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode messages = body(1).get("messages");
        assertThat(messages.get(messages.size() - 1).get("content").asText())
                .startsWith("Error: The arguments do not match the input schema of get-sum");
    }

    @Test
    void theRoundsLimitEndsTheLoopWithExitOne() throws Exception {
        server.enqueue(callsTool("call_1", "everything__get-sum", "{\"a\":1,\"b\":2}"));
        server.enqueue(callsTool("call_2", "everything__get-sum", "{\"a\":3,\"b\":4}"));
        server.enqueue(callsTool("call_3", "everything__get-sum", "{\"a\":5,\"b\":6}"));

        CliRun run = send("--allow-tools", "--max-tool-rounds", "2");

        assertThat(run.code()).isEqualTo(1);
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(run.err()).contains("parley: the model still calls tools after 2 rounds of results (--max-tool-rounds 2)");
        assertThat(run.out()).contains("tool call call_3: everything__get-sum");
        try (Database db = AppDatabase.open(home.resolve(Database.FILE_NAME))) {
            assertThat(new UsageLedger(db).entries(UsageFilter.ALL)).hasSize(3);
        }
    }

    @Test
    void badToolOptionsSayWhatToChange() {
        CliRun noServer = CliRun.of(env(), "send", "--base-url", server.baseUrl(), "--model", "m", "--message", "hi",
                "--mcp", "nowhere");
        CliRun allowAlone = CliRun.of(env(), "send", "--base-url", server.baseUrl(), "--model", "m", "--message", "hi",
                "--allow-tools");
        CliRun noRounds = send("--allow-tools", "--max-tool-rounds", "0");

        assertThat(noServer.code()).isEqualTo(2);
        assertThat(noServer.err()).contains("No MCP server named nowhere: see 'parley mcp list'");
        assertThat(allowAlone.code()).isEqualTo(2);
        assertThat(allowAlone.err()).contains("--allow-tools runs the tools of MCP servers: name one with --mcp NAME");
        assertThat(noRounds.code()).isEqualTo(2);
        assertThat(noRounds.err()).contains("--max-tool-rounds must be at least 1");
        assertThat(server.requestCount()).isZero();
    }
}
