package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.experiment.ModelServer;

/** {@code parley experiment}: the runs {@code parley sweep} saved, listed, searched, exported, imported and deleted. */
class ExperimentCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ModelServer server = new ModelServer().says("model-a", "Tides follow the moon.");
    @TempDir Path home;
    @TempDir Path otherHome;

    @AfterEach
    void stop() { server.close(); }

    private CliRun run(Path folder, String... args) {
        Map<String, String> env = Map.of("PARLEY_HOME", folder.toString());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return CliRun.of(env, new LedgerHook(env, quiet, Clock.systemDefaultZone()), args);
    }

    private String sweptId() throws Exception {
        List<String> args = new ArrayList<>(List.of("sweep", "--base-url", server.baseUrl(), "--model", "model-a",
                "--param", "temperature=0,1", "--message", "Why tides?", "--name", "Tides", "--json"));
        CliRun sweep = run(home, args.toArray(String[]::new));
        assertThat(sweep.code()).as(sweep.err()).isZero();
        JsonNode list = JSON.readTree(run(home, "experiment", "list", "--json").out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asText()).isEqualTo("Tides");
        assertThat(list.get(0).get("cells").asInt()).isEqualTo(2);
        assertThat(list.get(0).get("done").asInt()).isEqualTo(2);
        return list.get(0).get("id").asText();
    }

    @Test
    void aSweepIsListedSearchedAndExportedInEachFormat() throws Exception {
        String id = sweptId();
        assertThat(run(home, "experiment", "list").out()).contains(id).contains("Tides");
        JsonNode hits = JSON.readTree(run(home, "experiment", "search", "moon", "--json").out());
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).get("experiment_id").asText()).isEqualTo(id);

        for (String name : List.of("t.json", "t.csv", "t.md", "t.html")) {
            CliRun export = run(home, "experiment", "export", id, home.resolve(name).toString());
            assertThat(export.code()).as(export.err()).isZero();
        }
        assertThat(Files.readString(home.resolve("t.csv"))).startsWith("model,provider,temperature,repeat,")
                .contains("Tides follow the moon.");
        assertThat(Files.readString(home.resolve("t.html"))).contains("<html").contains("Tides follow the moon.");
        assertThat(Files.readString(home.resolve("t.md"))).contains("Tides");
        assertThat(JSON.readTree(home.resolve("t.json").toFile()).toString()).contains("Tides follow the moon.");
        CliRun chosen = run(home, "experiment", "export", id, home.resolve("report.txt").toString(), "--format", "html");
        assertThat(chosen.code()).as(chosen.err()).isZero();
        assertThat(Files.readString(home.resolve("report.txt"))).contains("<html");
    }

    @Test
    void anExportImportsOnceIntoAnotherDataFolderAndIsDeleted() throws Exception {
        String id = sweptId();
        Path file = home.resolve("tides.json");
        assertThat(run(home, "experiment", "export", id, file.toString()).code()).isZero();

        assertThat(run(otherHome, "experiment", "import", file.toString()).out()).startsWith("Imported ");
        assertThat(run(otherHome, "experiment", "import", file.toString()).out()).startsWith("Already saved: ");
        JsonNode list = JSON.readTree(run(otherHome, "experiment", "list", "--json").out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("done").asInt()).isEqualTo(2);

        String imported = list.get(0).get("id").asText();
        assertThat(run(otherHome, "experiment", "delete", imported).code()).isZero();
        assertThat(JSON.readTree(run(otherHome, "experiment", "list", "--json").out())).isEmpty();
    }

    @Test
    void badInputSaysWhatToChange() throws Exception {
        String id = sweptId();
        CliRun unknown = run(home, "experiment", "delete", "nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("No experiment nope is saved").contains("parley experiment list");
        CliRun noFormat = run(home, "experiment", "export", id, home.resolve("t.xyz").toString());
        assertThat(noFormat.code()).isEqualTo(2);
        assertThat(noFormat.err()).contains("--format");
        Path damaged = home.resolve("damaged.json");
        Files.writeString(damaged, "{\"format\": \"parley-experiment\", \"cells\": [");
        CliRun bad = run(otherHome, "experiment", "import", damaged.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(JSON.readTree(run(otherHome, "experiment", "list", "--json").out())).isEmpty();
        assertThat(run(home, "experiment").code()).isEqualTo(2);
    }
}
