package parley.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.app.AppDatabase;
import parley.history.FileFormatException;
import parley.history.FileLimit;
import parley.store.Database;

/**
 * The exports of a saved experiment against the files under {@code src/test/resources/experiment-exports/}.
 * After a deliberate change, rewrite them with
 * {@code mvn test -Dtest=ExperimentExportTest -Dexperiment.golden=write} and review the diff.
 */
class ExperimentExportTest {
    private static final Path GOLDEN = Path.of("src/test/resources/experiment-exports");

    @TempDir
    Path dir;
    private Database database;
    private ExperimentService service;

    @BeforeEach
    void open() {
        database = AppDatabase.open(dir.resolve("parley.db"));
        service = new ExperimentService(new ExperimentStore(database), () -> FileLimit.DEFAULT_BYTES);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = "CSV", mode = EnumSource.Mode.EXCLUDE)
    void matchesGoldenFile(ExportFormat format) throws IOException {
        String text = service.export(StoredSamples.halfRun(), format);
        Path file = GOLDEN.resolve("tides." + format.extension());
        if ("write".equals(System.getProperty("experiment.golden"))) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (write it with -Dexperiment.golden=write)", file).exists();
        assertThat(text).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void theCsvIsTheCellsCsvWithEveryCell() {
        SavedExperiment saved = StoredSamples.halfRun();
        java.io.StringWriter expected = new java.io.StringWriter();
        ExperimentCsv.write(saved.experiment(), Cells.of(saved.experiment()), saved.results(), expected);

        String csv = service.export(saved, ExportFormat.CSV);

        assertThat(csv).isEqualTo(expected.toString()).startsWith("model,provider,temperature,place,repeat,");
        assertThat(csv.split("\r\n")).hasSize(5);
    }

    @Test
    void theJsonHoldsEachCellsRequestAsSentAndNoKey() throws IOException {
        String json = service.export(StoredSamples.halfRun(), ExportFormat.JSON);
        JsonNode cells = ExperimentJson.MAPPER.readTree(json).get("cells");

        assertThat(cells).hasSize(4);
        assertThat(cells.get(0).get("request").get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(cells.get(1).get("request").has("temperature")).as("omitted in cell 2").isFalse();
        assertThat(cells.get(1).get("params").has("temperature")).as("omit is a null value").isTrue();
        assertThat(cells.get(3).get("request").get("model").asText()).isEqualTo("qwen3-4b");
        assertThat(cells.get(3).get("request").get("messages").get(3).get("content").asText())
                .isEqualTo("Why are the tides so high in Saint-Malo?");
        assertThat(cells.get(3).has("result")).as("never ran").isFalse();
        assertThat(json.toLowerCase(Locale.ROOT)).doesNotContain("api_key", "authorization", "bearer", "secret");
    }

    @Test
    void theHtmlReportLoadsNothingFromOutside() {
        String html = service.export(StoredSamples.halfRun(), ExportFormat.HTML);
        String reply = ExperimentHtml.escape(StoredSamples.completed().content());

        assertThat(html).contains(reply, "&lt;b&gt;See&lt;/b&gt;")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("src=").doesNotContainIgnoringCase("href=")
                .doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@import");
        assertThat(html.replace(reply, "").toLowerCase(Locale.ROOT))
                .as("no address outside the escaped reply (the local server's base URL is not shown)")
                .doesNotContain("http://", "https://", "//127.0.0.1");
    }

    @Test
    void anExportReadsBackEqual() {
        SavedExperiment saved = StoredSamples.halfRun();
        assertThat(ExperimentFile.read(service.export(saved, ExportFormat.JSON), "tides.json")).isEqualTo(saved);
    }

    @Test
    void importingTheSameFileTwiceAddsItOnce() throws IOException {
        Path file = dir.resolve("tides.json");
        Files.writeString(file, service.export(StoredSamples.halfRun(), ExportFormat.JSON));

        ExperimentService.ImportReport first = service.importFile(file);
        ExperimentService.ImportReport second = service.importFile(file);

        assertThat(first.added()).isTrue();
        assertThat(second.added()).isFalse();
        assertThat(second.experimentId()).isEqualTo(first.experimentId()).isNotEqualTo("exp-1");
        assertThat(service.list()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Tides at two temperatures");
            assertThat(s.done()).isEqualTo(3);
        });
        SavedExperiment imported = service.load(first.experimentId()).orElseThrow();
        assertThat(imported.results()).isEqualTo(StoredSamples.halfRun().results());
        assertThat(ExperimentService.failedCells(imported)).extracting(Cell::index).containsExactly(1, 2, 3);
    }

    @Test
    void aDamagedFileIsRefusedAndNothingIsImported() throws IOException {
        String json = service.export(StoredSamples.halfRun(), ExportFormat.JSON);
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, json.substring(0, json.length() / 2));
        Path badCell = dir.resolve("bad-cell.json");
        Files.writeString(badCell, json.replace("\"cell\" : 2,", "\"cell\" : 9,"));
        Path badCheck = dir.resolve("bad-check.json");
        Files.writeString(badCheck, json.replace("\"type\" : \"valid_json\"", "\"type\" : \"telepathy\""));
        Path noModels = dir.resolve("no-models.json");
        JsonNode tree = ExperimentJson.MAPPER.readTree(json);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("experiment")).putArray("targets");
        Files.writeString(noModels, tree.toString());
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"format\": \"parley.conversation\", \"version\": 1}");

        assertThatThrownBy(() -> service.importFile(cut)).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("cut.json is not a readable experiment export (").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> service.importFile(badCell)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("the result of cell 3").hasMessageContaining("4 cells");
        assertThatThrownBy(() -> service.importFile(badCheck)).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("bad-check.json: the experiment cannot be read (");
        assertThatThrownBy(() -> service.importFile(noModels)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("lacks its id, its prompt, its base settings or its models");
        assertThatThrownBy(() -> service.importFile(other)).isInstanceOf(FileFormatException.class)
                .hasMessage("other.json is not a Parley experiment export (it lacks \"format\": \"parley.experiment\"):"
                        + " choose a file made with Export as JSON.");
        assertThat(service.list()).isEmpty();
    }

    @Test
    void anExportToAFileReplacesItWhole() throws IOException {
        service.store().saveDefinition(StoredSamples.experiment());
        StoredSamples.halfRun().results().forEach(r -> service.store().saveResult("exp-1", r));
        Path file = dir.resolve("tides.md");
        Files.writeString(file, "old text that is longer than nothing at all");

        service.export("exp-1", ExportFormat.MARKDOWN, file);

        assertThat(Files.readString(file)).isEqualTo(service.export(StoredSamples.halfRun(), ExportFormat.MARKDOWN));
        assertThat(ExportFormat.forFile("Report.HTML")).contains(ExportFormat.HTML);
        assertThatThrownBy(() -> service.export("nope", ExportFormat.JSON, file))
                .hasMessageContaining("No saved experiment has the id nope");
    }
}
