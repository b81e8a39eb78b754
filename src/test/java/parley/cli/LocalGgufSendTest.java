package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.engine.TestModels;
import parley.store.Database;
import parley.usage.LedgerEntry;
import parley.usage.UsageFilter;
import parley.usage.UsageLedger;

/** {@code parley send --provider local-gguf --model-file F}: the built-in engine in a child, on the ledger at no cost. */
class LocalGgufSendTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private CliRun send(String... more) {
        Map<String, String> env = Map.of("PARLEY_HOME", home.toString());
        List<String> args = new java.util.ArrayList<>(List.of("send", "--provider", "local-gguf"));
        args.addAll(List.of(more));
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return CliRun.of(env, new LedgerHook(env, err, Clock.systemDefaultZone()), args.toArray(String[]::new));
    }

    @Test
    void aReplyFromTheFileWithTheEnginesOwnTokenCountsAtNoCost() throws Exception {
        CliRun run = send("--model-file", TestModels.tiny().toString(), "--message", "Hello", "--max-tokens", "6", "--json");

        JsonNode report = JSON.readTree(run.out());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(report.path("content").asText()).isNotBlank();
        assertThat(report.path("finish_reason").asText()).isEqualTo("length");
        assertThat(report.path("usage").path("completion_tokens").asInt()).isEqualTo(6);
        assertThat(report.path("usage").path("prompt_tokens").asInt()).isPositive();
        assertThat(report.path("cost_usd").decimalValue()).isZero();
        try (Database db = AppDatabase.open(home.resolve(Database.FILE_NAME))) {
            List<LedgerEntry> entries = new UsageLedger(db).entries(UsageFilter.ALL);
            assertThat(entries).hasSize(1);
            assertThat(entries.getFirst().provider()).isEqualTo("local-gguf");
            assertThat(entries.getFirst().model()).isEqualTo("parley-test-tiny");
            assertThat(entries.getFirst().tokens().completion()).isEqualTo(6);
            assertThat(entries.getFirst().tokens().estimated()).as("counted by the engine, not estimated").isFalse();
            assertThat(entries.getFirst().costUsd()).isZero();
        }
    }

    @Test
    void aFileTheEngineCannotRunIsRefusedBeforeAnythingStarts() throws Exception {
        Path newer = TestModels.write(home, "newer.gguf", TestModels.header("qwen3", 40960));

        CliRun unknown = send("--model-file", newer.toString(), "--message", "Hi");
        CliRun missingFile = send("--message", "Hi");
        CliRun notGguf = send("--model-file", TestModels.write(home, "a.gguf", "text".getBytes()).toString(), "--message", "Hi");

        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("'qwen3'", "Ollama");
        assertThat(missingFile.code()).isEqualTo(2);
        assertThat(missingFile.err()).contains("--model-file");
        assertThat(notGguf.code()).isEqualTo(2);
        assertThat(notGguf.err()).contains("not a GGUF model file");
    }

    @Test
    void modelsListsTheGgufFilesFoundInTheDataFolder() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("models"));
        java.nio.file.Files.copy(TestModels.tiny(), home.resolve("models/tiny.gguf"));
        Map<String, String> env = Map.of("PARLEY_HOME", home.toString());

        CliRun text = CliRun.of(env, "models", "--provider", "local-gguf");
        CliRun json = CliRun.of(env, "models", "--provider", "local-gguf", "--model-file", TestModels.tiny().toString(), "--json");

        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("tiny.gguf  (Parley)  llama", "F32", "2048 tokens context");
        JsonNode one = JSON.readTree(json.out()).get(0);
        assertThat(one.path("architecture").asText()).isEqualTo("llama");
        assertThat(one.path("runnable").asBoolean()).isTrue();
    }
}
