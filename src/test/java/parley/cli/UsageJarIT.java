package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

/** The packaged jar: a {@code send} lands on the ledger in PARLEY_HOME and {@code usage} reports it. */
class UsageJarIT {
    private static final Path JAR = Path.of("target", "parley.jar");

    @TempDir Path home;

    private String[] parley(int expectedCode, String... args) throws Exception {
        assertThat(JAR).as("run 'mvn package' first").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("PARLEY_HOME", home.toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("parley exits on its own").isTrue();
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(stderr).isEqualTo(expectedCode);
        return new String[] {stdout, stderr};
    }

    @Test
    void everySendIsOnTheLedgerAndUsageReportsIt() throws Exception {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(Reply.recording("llama-server/chat_stream.txt", 5));
            server.enqueue(Reply.recording("llama-server/chat_stream.txt", 5));
            parley(0, "price", "set", "tiny-llama", "--input", "1", "--output", "2");
            parley(0, "send", "--base-url", server.baseUrl(), "--model", "tiny-llama", "--message", "Hi", "--include-usage");
            parley(0, "send", "--base-url", server.baseUrl(), "--model", "tiny-llama", "--message", "Hi", "--include-usage");

            String[] csv = parley(0, "usage", "--by", "model", "--csv");
            List<List<String>> rows = parley.usage.UsageCsvTest.parse(csv[0]);
            // each: 58 prompt * 1 + 16 completion * 2 = 90 per million
            assertThat(rows.get(1)).containsExactly("tiny-llama", "2", "116", "32", "0", "114", "false", "0.00018", "0");
            assertThat(parley(2, "usage", "--by", "hour")[1].strip()).isEqualTo("parley: --by must be model, day, provider or member, not 'hour'.");
        }
    }
}
