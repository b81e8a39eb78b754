package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.engine.TestModels;

/** {@code parley serve} refuses bad input with one line and exit code 2, before any model is loaded. */
class ServeCommandTest {
    @TempDir
    Path folder;

    @Test
    void aFileThatIsNotGgufIsRefused() throws IOException {
        Path text = Files.writeString(folder.resolve("readme.gguf"), "not a model");

        CliRun run = CliRun.of(Map.of(), "serve", "--model", text.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("readme.gguf is not a GGUF model file").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingFileIsRefused() {
        CliRun run = CliRun.of(Map.of(), "serve", "--model", folder.resolve("gone.gguf").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        CliRun run = CliRun.of(Map.of(), "serve", "--model", TestModels.truncated(folder, 3000).toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("truncated");
    }

    @Test
    void anUnknownArchitectureNamesItTheEnginesVersionAndWhereElseItRuns() throws IOException {
        Path file = TestModels.write(folder, "new.gguf", TestModels.header("qwen3", 40960));

        CliRun run = CliRun.of(Map.of(), "serve", "--model", file.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("'qwen3'", "llama.cpp b4916", "Ollama", "llama-server");
    }

    @Test
    void aContextLargerThanTheModelsIsRefused() {
        CliRun run = CliRun.of(Map.of(), "serve", "--model", TestModels.tiny().toString(), "--ctx", "4096");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--ctx 4096 is larger than the model's context of 2048 tokens");
    }

    @Test
    void aPortInUseIsRefused() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of(Map.of(), "serve", "--model", TestModels.tiny().toString(),
                    "--port", Integer.toString(taken.getLocalPort()));

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use", "--port 0");
        }
    }

    @Test
    void anotherHostThanLoopbackWantsAKey() {
        CliRun run = CliRun.of(Map.of(), "serve", "--model", TestModels.tiny().toString(), "--host", "0.0.0.0");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--api-key-env");
    }

    @Test
    void anUnsetKeyVariableIsRefused() {
        CliRun run = CliRun.of(Map.of(), "serve", "--model", TestModels.tiny().toString(), "--api-key-env", "NOPE_KEY");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("NOPE_KEY");
    }

    @Test
    void outOfRangeNumbersAreRefused() {
        assertThat(CliRun.of(Map.of(), "serve", "--model", "x.gguf", "--port", "70000").err()).contains("--port");
        assertThat(CliRun.of(Map.of(), "serve", "--model", "x.gguf", "--ctx", "-1").code()).isEqualTo(2);
        assertThat(CliRun.of(Map.of(), "serve").code()).isEqualTo(2);
    }
}
