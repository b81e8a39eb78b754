package parley.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.Tool;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.store.SessionSecrets;

/** The service against the protocol's reference server, started for real over stdio. */
class McpServiceTest {
    @TempDir
    Path dir;
    private Database database;
    private McpService service;

    @BeforeEach
    void open() {
        database = AppDatabase.open(dir.resolve("parley.db"));
        service = new McpService(new ServerStore(database, () -> new SessionSecrets("test")), Duration.ofSeconds(20));
    }

    @AfterEach
    void close() {
        service.close();
        database.close();
    }

    @Test
    void listsTheReferenceServersToolsUnderUniqueNames() throws Exception {
        service.add(EverythingServer.config("everything"));

        List<McpTool> tools = service.tools("everything");

        assertThat(tools).extracting(McpTool::name).contains("echo", "get-sum", "get-tiny-image");
        assertThat(service.state("everything")).isInstanceOf(ServerState.Ready.class);
        List<Tool> request = service.requestTools();
        assertThat(request).extracting(Tool::name).contains("everything__echo", "everything__get-sum");
        assertThat(request).allSatisfy(t -> assertThat(t.name()).matches("^[a-zA-Z0-9_-]{1,64}$"));
        assertThat(request.getFirst().function().parameters().path("type").asText()).isEqualTo("object");
    }

    @Test
    void callsEchoAndGetSumAndMeasuresTheTime() throws Exception {
        service.add(EverythingServer.config("everything"));

        ToolResult echo = service.call("everything__echo", "{\"message\": \"hello from Parley\"}");
        ToolResult sum = service.call("everything", "get-sum", "{\"a\": 2, \"b\": 40}");

        assertThat(echo.isError()).isFalse();
        assertThat(echo.text()).contains("hello from Parley");
        assertThat(echo.elapsed()).isPositive();
        assertThat(sum.isError()).isFalse();
        assertThat(sum.text()).contains("42");
    }

    @Test
    void anImageComesBackAsAnAttachmentWithItsMimeType() throws Exception {
        service.add(EverythingServer.config("everything"));

        ToolResult image = service.call("everything__get-tiny-image", "{}");

        assertThat(image.images()).isNotEmpty();
        assertThat(image.images().getFirst().mimeType()).startsWith("image/");
        assertThat(java.util.Base64.getDecoder().decode(image.images().getFirst().base64())).isNotEmpty();
    }

    @Test
    void argumentsThatDoNotMatchTheSchemaAreRefusedBeforeTheCall() throws Exception {
        service.add(EverythingServer.config("everything"));

        ToolResult refused = service.call("everything__get-sum", "{\"a\": \"two\"}");
        ToolResult notJson = service.call("everything__echo", "{message:");

        assertThat(refused.isError()).isTrue();
        assertThat(refused.text()).contains("do not match the input schema").contains("a").contains("b");
        assertThat(notJson.isError()).isTrue();
        assertThat(notJson.text()).contains("not JSON");
        assertThat(service.log("everything")).noneMatch(l -> l.contains("two"));
    }

    @Test
    void aToolNoServerHasIsAnErrorResult() throws Exception {
        service.add(EverythingServer.config("everything"));

        ToolResult result = service.call("everything__no-such-tool", "{}");
        ToolResult other = service.call("elsewhere__echo", "{}");

        assertThat(result.isError()).isTrue();
        assertThat(result.text()).contains("No enabled MCP server has a tool named everything__no-such-tool");
        assertThat(other.isError()).isTrue();
    }

    @Test
    void aCommandThatDoesNotExistFailsWithAMessageAndTheOthersKeepWorking() throws Exception {
        service.add(ServerConfig.stdio("missing", "parley-no-such-command-here", List.of(), Map.of()));
        service.add(EverythingServer.config("everything"));

        List<Tool> tools = service.requestTools();

        assertThat(service.state("missing")).isInstanceOfSatisfying(ServerState.Failed.class, failed ->
                assertThat(failed.reason()).isEqualTo("The command \"parley-no-such-command-here\" was not found:"
                        + " install it or give its full path."));
        assertThat(tools).extracting(Tool::name).contains("everything__echo");
        assertThat(service.call("missing__echo", "{}").text()).contains("was not found");
    }

    @Test
    void aServerThatHangsOnInitializeTimesOutWithItsLastLines() throws Exception {
        Path script = hangingServer();
        McpService quick = new McpService(new ServerStore(database, () -> new SessionSecrets("test")), Duration.ofMillis(1500));
        try {
            quick.add(ServerConfig.stdio("hangs", "sh", List.of(script.toString()), Map.of()));

            ServerState state = quick.start("hangs");

            assertThat(state).isInstanceOfSatisfying(ServerState.Failed.class, failed -> {
                assertThat(failed.reason()).isEqualTo("The server hangs did not answer 'initialize' within 1500 ms.");
                assertThat(failed.lastLines()).contains("waiting for nothing");
            });
        } finally {
            quick.close();
        }
    }

    @Test
    void aServerThatAnswersGarbageFailsWithWhatItPrinted() throws Exception {
        McpService quick = new McpService(new ServerStore(database, () -> new SessionSecrets("test")), Duration.ofMillis(1500));
        try {
            quick.add(ServerConfig.stdio("garbage", "sh", List.of("-c", "echo 'Welcome to my server!'; cat >/dev/null"), Map.of()));

            ServerState state = quick.start("garbage");

            assertThat(state).isInstanceOfSatisfying(ServerState.Failed.class, failed -> {
                assertThat(failed.reason()).isEqualTo("The server garbage did not answer 'initialize' within 1500 ms.");
                assertThat(failed.lastLines()).containsExactly("(not JSON-RPC on standard output) Welcome to my server!");
            });
        } finally {
            quick.close();
        }
    }

    @Test
    void aServerKilledMidCallGivesAnErrorResultWithItsExitAndFailsItsState() throws Exception {
        service.add(EverythingServer.config("everything"));
        service.start("everything");
        List<ProcessHandle> children = ProcessHandle.current().children().toList();
        CompletableFuture<ToolResult> call = CompletableFuture.supplyAsync(() -> {
            try {
                return service.call("everything__trigger-long-running-operation", "{\"duration\": 30, \"steps\": 5}");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1000);
        children.forEach(ProcessHandle::destroyForcibly);

        ToolResult result = call.get(20, TimeUnit.SECONDS);

        assertThat(result.isError()).isTrue();
        assertThat(result.text()).contains("The server everything ended").contains("exit code");
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(20));
        assertThat(service.state("everything")).isInstanceOf(ServerState.Failed.class);
    }

    @Test
    void closingLeavesNoProcessBehind() throws Exception {
        service.add(EverythingServer.config("everything"));
        service.add(ServerConfig.stdio("shell", "sh", List.of(hangingServer().toString(), "with-child"), Map.of()));
        service.start("everything");
        new Thread(() -> {
            try {
                service.start("shell");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).start();
        Thread.sleep(800);
        List<ProcessHandle> tree = ProcessHandle.current().descendants().toList();
        assertThat(tree).isNotEmpty();

        service.close();

        for (ProcessHandle p : tree) p.onExit().get(10, TimeUnit.SECONDS);
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.allProcesses().filter(p -> p.parent().map(pp -> pp.pid() == ProcessHandle.current().pid())
                .orElse(false)).filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    @Test
    void disablingStopsTheServerAndLeavesItsToolsOut() throws Exception {
        service.add(EverythingServer.config("everything"));
        service.start("everything");
        List<ProcessHandle> children = ProcessHandle.current().children().toList();

        service.setEnabled("everything", false);

        for (ProcessHandle p : children) p.onExit().get(10, TimeUnit.SECONDS);
        assertThat(service.state("everything")).isEqualTo(new ServerState.Stopped(true));
        assertThat(service.requestTools()).isEmpty();
    }

    /** A server that reads its input and never answers; with an argument it starts a child that does the same. */
    private Path hangingServer() throws IOException {
        Path script = dir.resolve("hangs.sh");
        Files.writeString(script, """
                echo "waiting for nothing" >&2
                if [ "$1" = with-child ]; then sleep 300 & fi
                cat >/dev/null
                """);
        return script;
    }
}
