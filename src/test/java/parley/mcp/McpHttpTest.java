package parley.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.store.SessionSecrets;

/** A server reached by URL over streamable HTTP: the reference server in its HTTP mode on loopback. */
class McpHttpTest {
    @TempDir
    Path dir;

    @Test
    void listsAndCallsToolsOverStreamableHttp() throws Exception {
        List<String> command = new ArrayList<>(EverythingServer.command());
        command.set(command.size() - 1, "streamableHttp");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PORT", Integer.toString(port));
        Process server = builder.redirectErrorStream(true).start();
        try (Database db = AppDatabase.open(dir.resolve("parley.db"));
             McpService service = new McpService(new ServerStore(db, () -> new SessionSecrets("test")), Duration.ofSeconds(20))) {
            awaitListening(server);
            service.add(ServerConfig.http("web", "http://127.0.0.1:" + port + "/mcp", Map.of("X-Parley-Test", "yes")));

            List<McpTool> tools = service.tools("web");
            ToolResult echo = service.call("web__echo", "{\"message\": \"over http\"}");

            assertThat(tools).extracting(McpTool::name).contains("echo", "get-sum");
            assertThat(echo.isError()).isFalse();
            assertThat(echo.text()).contains("over http");
        } finally {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aUrlWhereNothingListensFailsWithTheReason() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (Database db = AppDatabase.open(dir.resolve("parley.db"));
             McpService service = new McpService(new ServerStore(db, () -> new SessionSecrets("test")), Duration.ofSeconds(5))) {
            service.add(ServerConfig.http("nobody", "http://127.0.0.1:" + port + "/mcp", Map.of()));

            ServerState state = service.start("nobody");

            assertThat(state).isInstanceOfSatisfying(ServerState.Failed.class, failed ->
                    assertThat(failed.reason()).startsWith("The server nobody could not answer 'initialize'"));
        }
    }

    /** Waits for its "listening" line, then keeps reading its output (a closed pipe would end it at its next line). */
    private static void awaitListening(Process server) throws Exception {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.contains("listening on port")) listening.complete(null);
                }
            } catch (java.io.IOException e) {
                // the server ended
            }
            listening.completeExceptionally(new IllegalStateException("the reference server ended before it listened"));
        });
        listening.get(30, TimeUnit.SECONDS);
    }
}
