package parley.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.log.LogSecrets;
import parley.store.Database;
import parley.store.SessionSecrets;

/** A server's environment and header values: in the secret store and the server's process, never in the database or the log. */
class McpSecretsTest {
    private static final String SECRET = "sk-mcp-" + "7f3a9c1e5b2d4f6a8c0e";

    @TempDir
    Path dir;

    @Test
    void environmentValuesReachTheServerButNotTheDatabaseOrTheLog() throws Exception {
        SessionSecrets secrets = new SessionSecrets("test");
        List<String> command = EverythingServer.command();
        try (Database db = AppDatabase.open(dir.resolve("parley.db"));
             McpService service = new McpService(new ServerStore(db, () -> secrets), Duration.ofSeconds(20))) {
            service.importBlock("""
                    {"mcpServers": {"everything": {"command": "%s", "args": ["%s", "stdio"],
                      "env": {"EVERYTHING_TOKEN": "%s"}},
                     "remote": {"url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer %s"}}}}
                    """.formatted(command.get(0), command.get(1), SECRET, SECRET));

            ToolResult env = service.call("everything__get-env", "{}");

            assertThat(env.text()).contains("EVERYTHING_TOKEN").contains(SECRET);
            assertThat(service.server("remote").orElseThrow().headers()).containsEntry("Authorization", "Bearer " + SECRET);
            assertThat(service.server("everything").orElseThrow().toString()).doesNotContain(SECRET).contains("EVERYTHING_TOKEN");
            assertThat(secrets.get(ServerStore.secretId("everything"))).get().asString().contains(SECRET);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(SECRET);
            }
        }
        assertThat(LogSecrets.redact("the server said " + SECRET)).doesNotContain(SECRET);
    }

    @Test
    void removingAServerForgetsItsSecrets() {
        SessionSecrets secrets = new SessionSecrets("test");
        try (Database db = AppDatabase.open(dir.resolve("parley.db"));
             McpService service = new McpService(new ServerStore(db, () -> secrets))) {
            service.add(ServerConfig.stdio("s", "node", List.of(), Map.of("TOKEN", SECRET)));

            service.remove("s");

            assertThat(secrets.get(ServerStore.secretId("s"))).isEmpty();
        }
    }
}
