package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

/** Runs the packaged {@code java -jar target/parley.jar} as a child process against the scripted server. */
class JarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of("target", "parley.jar");

    record Run(int code, String out, String err) {}

    private static Run parley(String... args) throws Exception {
        return parley(Map.of(), args);
    }

    private static Run parley(Map<String, String> env, String... args) throws Exception {
        assertThat(JAR).as("run 'mvn package' first").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("parley-out", ".txt");
        Path err = Files.createTempFile("parley-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        env.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("parley exits on its own").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void sendStreamsFromTheJar() throws Exception {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(Reply.recording("llama-server/chat_stream.txt", 5));

            Run run = parley("send", "--base-url", server.baseUrl(), "--model", "tiny-llama", "--message", "Hello ✓");

            assertThat(run.code()).isZero();
            assertThat(run.out()).isEqualTo("kDZ over redDq I overbGa a userF0\n");
            assertThat(run.err()).isEmpty();
            assertThat(JSON.readTree(server.requests().getFirst().bodyText()).path("messages").path(0).path("content")
                    .asText()).isEqualTo("Hello ✓");
        }
    }

    @Test
    void sendJsonFromTheJar() throws Exception {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(Reply.recording("llama-server/chat_nonstream.txt", 0));

            Run run = parley("send", "--base-url", server.baseUrl(), "--model", "tiny-llama", "--message", "Hi",
                    "--no-stream", "--json");

            assertThat(run.code()).isZero();
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.path("content").asText()).isEqualTo("kDZ over redDq I overbGa a userF0");
            assertThat(report.path("usage").path("total_tokens").asInt()).isEqualTo(74);
        }
    }

    @Test
    void failuresFromTheJarAreOneLineWithTheirExitCode() throws Exception {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(Reply.json(401, "{\"error\":{\"message\":\"Invalid API key\",\"type\":\"auth_error\"}}"));

            Run refused = parley("send", "--base-url", server.baseUrl(), "--model", "m", "--message", "Hi",
                    "--temperature", "9");
            Run rejected = parley("send", "--base-url", server.baseUrl(), "--model", "m", "--message", "Hi");

            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err().lines()).singleElement().asString().contains("temperature");
            assertThat(rejected.code()).isEqualTo(1);
            assertThat(rejected.err().lines()).singleElement().asString().contains("Invalid API key");
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void withoutADisplayTheWindowRefusesInOneLine() throws Exception {
        Run run = parley(Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""));

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("parley: cannot open the window").doesNotContain("\tat ");
    }
}
