package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.log.AppLog;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

/** The command line's log: --version, --verbose on every subcommand, and no key in the log file. */
class LogCliTest {
    /** Not shaped like a key, so only knowing it as the key in use can mask it. */
    private static final String KEY = "Zq81mN0pLx7tRv2sWy4uB6";

    private final ScriptedServer server = ScriptedServer.start();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
        AppLog.current().ifPresent(AppLog::close);
    }

    @Test
    void versionKeepsItsFirstLineAndAddsTheBuildJavaAndTheOs() {
        CliRun run = CliRun.of(Map.of(), "--version");

        List<String> lines = run.out().lines().toList();
        assertThat(run.code()).isZero();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("parley [0-9][^ ]*");
        assertThat(lines.get(1)).matches("commit \\S+.* \\(.+\\)");
        assertThat(lines.get(2)).startsWith("Java " + System.getProperty("java.version"));
        assertThat(lines.get(3)).startsWith("OS " + System.getProperty("os.name"));
    }

    @Test
    void verbosePrintsTheRunsLogLinesToStderr() {
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));

        CliRun run = CliRun.of(Map.of(), "send", "--base-url", server.baseUrl(), "--model", "tiny-llama",
                "--message", "Hello", "--verbose");

        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("INFO  [").contains("cli.Cli: parley send started")
                .contains("request to ").contains("model tiny-llama: COMPLETED")
                .contains("parley send ended with exit code 0");
        assertThat(run.err()).doesNotContain("Hello");
    }

    @Test
    void withoutVerboseStderrStaysQuiet() {
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));

        CliRun run = CliRun.of(Map.of(), "send", "--base-url", server.baseUrl(), "--model", "tiny-llama", "--message", "Hello");

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void everySubcommandTakesVerboseAlsoNestedOnesAndTheDatabaseMigrationIsLogged() {
        Map<String, String> env = Map.of("PARLEY_HOME", dir.toString());

        CliRun usage = CliRun.of(env, "usage", "--verbose");
        CliRun prices = CliRun.of(env, "price", "list", "--verbose");
        CliRun code = CliRun.of(env, "code", "--lang", "curl", "--model", "m", "--message", "hi", "--verbose");

        assertThat(usage.code()).isZero();
        assertThat(usage.err()).contains("parley usage started").contains("migrating ").contains("is at schema");
        assertThat(prices.err()).contains("parley price list started");
        assertThat(code.err()).contains("parley code started");
    }

    @Test
    void noKeyReachesTheLogFileWhenErrorsEchoIt() throws Exception {
        AppLog log = AppLog.start(dir.resolve("logs"), AppLog.CLI, AppLog.FILE_LIMIT, AppLog.FILES);
        String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ". Bearer " + KEY + "\",\"type\":\"invalid_request_error\"}}";
        server.enqueue(Reply.json(503, echo).header("Retry-After", "0"));
        server.enqueue(Reply.fixed(502, "text/html", ("<html>proxy refused key " + KEY + "</html>").getBytes()).header("Retry-After", "0"));
        server.enqueue(Reply.json(401, echo));

        CliRun run = CliRun.of(Map.of(), "send", "--base-url", server.baseUrl(), "--model", "m",
                "--api-key", KEY, "--message", "Hello", "--verbose");
        log.close();

        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(run.code()).isEqualTo(1);
        String file = Files.readString(dir.resolve("logs").resolve("cli.log"));
        assertThat(file).contains("retrying ").contains("AUTHENTICATION").contains("status 401").contains("Zq81…4uB6");
        assertThat(file).doesNotContain(KEY);
        assertThat(run.err()).doesNotContain(KEY);
    }
}
