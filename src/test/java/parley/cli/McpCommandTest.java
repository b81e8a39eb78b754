package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.mcp.EverythingServer;

/** {@code parley mcp …} against the protocol's reference server, started for real over stdio. */
class McpCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;

    private CliRun run(String... args) {
        return CliRun.of(Map.of("PARLEY_HOME", home.toString()), args);
    }

    private CliRun addEverything(String name) {
        List<String> args = new ArrayList<>(List.of("mcp", "add", name, "--"));
        args.addAll(EverythingServer.command());
        return run(args.toArray(String[]::new));
    }

    @Test
    void addListToolsCallAndRemove() throws Exception {
        CliRun added = addEverything("everything");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("Added everything: node ");

        CliRun list = run("mcp", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("everything\\s+ready\\s+1\\d\\s+node ");

        CliRun tools = run("mcp", "tools", "everything", "--json");
        assertThat(tools.code()).as(tools.err()).isZero();
        JsonNode listed = JSON.readTree(tools.out());
        assertThat(listed.findValuesAsText("name")).contains("echo", "get-sum");
        assertThat(listed.get(0).fieldNames()).toIterable().containsExactly("name", "description", "input_schema");

        CliRun echo = run("mcp", "call", "everything", "echo", "--args", "{\"message\":\"hi there\"}");
        assertThat(echo.code()).as(echo.err()).isZero();
        assertThat(echo.out()).contains("hi there");

        CliRun sum = run("mcp", "call", "everything", "get-sum", "--args", "{\"a\":1.5,\"b\":2}", "--json");
        assertThat(sum.code()).as(sum.err()).isZero();
        JsonNode result = JSON.readTree(sum.out());
        assertThat(result.get("is_error").asBoolean()).isFalse();
        assertThat(result.get("content").get(0).get("type").asText()).isEqualTo("text");
        assertThat(result.get("content").get(0).get("text").asText()).contains("3.5");

        CliRun removed = run("mcp", "remove", "everything");
        assertThat(removed.code()).isZero();
        assertThat(run("mcp", "list").out()).startsWith("No MCP servers");
    }

    @Test
    void argumentsThatDoNotMatchTheSchemaAreBadInput() {
        addEverything("everything");

        CliRun refused = run("mcp", "call", "everything", "get-sum", "--args", "{\"a\":\"one\"}");
        CliRun noTool = run("mcp", "call", "everything", "no-such", "--args", "{}");

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).startsWith("parley: --args does not match the input schema of get-sum:");
        assertThat(noTool.code()).isEqualTo(2);
        assertThat(noTool.err()).contains("has no tool named no-such: see 'parley mcp tools everything'");
    }

    @Test
    void anErrorResultExitsWithOne() throws Exception {
        Path script = home.resolve("fails.js");
        Files.writeString(script, """
                const rl = require('readline').createInterface({input: process.stdin});
                rl.on('line', line => {
                  const m = JSON.parse(line);
                  const reply = r => process.stdout.write(JSON.stringify({jsonrpc: '2.0', id: m.id, result: r}) + '\\n');
                  if (m.method === 'initialize') reply({protocolVersion: m.params.protocolVersion, capabilities: {tools: {}},
                      serverInfo: {name: 'fails', version: '1'}});
                  else if (m.method === 'tools/list') reply({tools: [{name: 'boom', inputSchema: {type: 'object'}}]});
                  else if (m.method === 'tools/call') reply({content: [{type: 'text', text: 'it went wrong'}], isError: true});
                });
                """);
        EverythingServer.command();
        run("mcp", "add", "fails", "--", "node", script.toString());

        CliRun call = run("mcp", "call", "fails", "boom", "--json");

        assertThat(call.code()).as(call.err()).isEqualTo(1);
        JsonNode result = JSON.readTree(call.out());
        assertThat(result.get("is_error").asBoolean()).isTrue();
        assertThat(result.get("content").get(0).get("text").asText()).isEqualTo("it went wrong");
    }

    @Test
    void importsAnMcpServersBlock() throws Exception {
        List<String> command = EverythingServer.command();
        Path block = home.resolve("claude_desktop_config.json");
        Files.writeString(block, JSON.writeValueAsString(Map.of("mcpServers", Map.of("ref",
                Map.of("command", command.getFirst(), "args", command.subList(1, command.size()))))));

        CliRun imported = run("mcp", "import", block.toString());
        CliRun tools = run("mcp", "tools", "ref");

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("Added ref: node ");
        assertThat(tools.out()).contains("echo").contains("get-sum");
    }

    @Test
    void badInputSaysWhatToChange() throws Exception {
        CliRun noCommand = run("mcp", "add", "x");
        CliRun badName = run("mcp", "add", "two words", "--", "node");
        CliRun both = run("mcp", "add", "x", "--url", "http://127.0.0.1:1/mcp", "--", "node");
        Path notJson = home.resolve("bad.json");
        Files.writeString(notJson, "{\"servers\": {}}");
        CliRun badBlock = run("mcp", "import", notJson.toString());
        CliRun unknown = run("mcp", "tools", "nothing");

        assertThat(noCommand.code()).isEqualTo(2);
        assertThat(noCommand.err()).contains("give the server's command after --");
        assertThat(badName.code()).isEqualTo(2);
        assertThat(badName.err()).contains("use 1 to 32 letters, digits, '_' or '-'");
        assertThat(both.code()).isEqualTo(2);
        assertThat(badBlock.code()).isEqualTo(2);
        assertThat(badBlock.err()).contains("No \"mcpServers\" object found");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("there is no MCP server named nothing");
    }

    @Test
    void anEnvironmentValueGoesToTheKeyringAndTheServerNeverTheDatabaseOrTheLog() throws Exception {
        java.util.Optional<parley.store.SecretStore> keyring = parley.store.OsKeyring.open();
        if ("1".equals(System.getenv("PARLEY_REQUIRE_KEYRING"))) {
            assertThat(keyring).as("PARLEY_REQUIRE_KEYRING=1 but no OS keyring answers").isPresent();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(keyring.isPresent(), "No OS keyring answers here");
        String secret = "sk-mcp-cli-" + System.nanoTime();
        List<String> args = new ArrayList<>(List.of("mcp", "add", "keyed", "--env", "PARLEY_MCP_TOKEN=" + secret, "--"));
        args.addAll(EverythingServer.command());
        try {
            CliRun added = run(args.toArray(String[]::new));
            assertThat(added.code()).as(added.err()).isZero();
            assertThat(added.out() + added.err()).doesNotContain(secret);

            CliRun env = run("mcp", "call", "keyed", "get-env", "--verbose");

            assertThat(env.code()).as(env.err()).isZero();
            assertThat(env.out()).contains("PARLEY_MCP_TOKEN").contains(secret);
            assertThat(env.err()).doesNotContain(secret);
            try (java.util.stream.Stream<Path> files = Files.walk(home)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as(file.toString()).doesNotContain(secret);
                }
            }
        } finally {
            CliRun removed = run("mcp", "remove", "keyed");
            assertThat(removed.code()).isZero();
            assertThat(keyring.get().get("mcp-server:keyed")).as("the secrets go with the server").isEmpty();
        }
    }

    @Test
    void aCommandThatDoesNotExistFailsWithItsName() {
        run("mcp", "add", "ghost", "--", "parley-no-such-program");

        CliRun tools = run("mcp", "tools", "ghost");
        CliRun list = run("mcp", "list");

        assertThat(tools.code()).isEqualTo(1);
        assertThat(tools.err()).startsWith("parley: The command \"parley-no-such-program\" was not found");
        assertThat(list.out()).contains("failed: The command \"parley-no-such-program\" was not found");
    }
}
