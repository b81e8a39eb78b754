package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.experiment.InputRow;
import parley.experiment.InputTable;
import parley.experiment.ModelServer;
import parley.store.Database;
import parley.usage.LedgerEntry;
import parley.usage.UsageFilter;
import parley.usage.UsageService;

/** {@code parley sweep} against the scripted server: the --json, --csv and --dry-run contracts, exit codes, --yes. */
class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ModelServer server = new ModelServer();
    @TempDir Path home;
    private Path vars;

    @BeforeEach
    void prepare() throws IOException {
        try (Database db = AppDatabase.open(home.resolve(Database.FILE_NAME))) {
            UsageService.over(db, Clock.systemDefaultZone())
                    .setUserPrice("custom", "model-a", new BigDecimal("2.00"), new BigDecimal("8.00"), null);
        }
        vars = home.resolve("cities.csv");
        Files.writeString(vars, "city\nLyon\n\"Oslo, \"\"Norway\"\"\"\n");
    }

    @AfterEach
    void stop() { server.close(); }

    private Map<String, String> env() {
        return Map.of("PARLEY_HOME", home.toString());
    }

    private CliRun sweep(String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", "--base-url", server.baseUrl()));
        args.addAll(List.of(more));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return CliRun.of(env(), new LedgerHook(env(), quiet, Clock.systemDefaultZone()), args.toArray(String[]::new));
    }

    private CliRun grid(String format) {
        return sweep("--model", "model-a", "--model", "model-b", "--param", "temperature=0,omit",
                "--param", "max_tokens=4", "--message", "About {{city}}", "--vars", vars.toString(), format);
    }

    private List<LedgerEntry> ledger() {
        try (Database db = AppDatabase.open(home.resolve(Database.FILE_NAME))) {
            return new parley.usage.UsageLedger(db).entries(UsageFilter.ALL);
        }
    }

    private static String golden(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/cli/sweep/" + name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report with its timings set to 0: they are the only figures that change from run to run. */
    private static JsonNode withoutTimings(String json) throws IOException {
        JsonNode tree = JSON.readTree(json);
        for (JsonNode cell : tree.get("cells")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) cell).put("ttft_ms", 0).put("duration_ms", 0);
        }
        if (tree.has("duration_ms")) ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("duration_ms", 0);
        return tree;
    }

    @Test
    void jsonReportsEveryCellInOrderWithItsCostAndTheLedgerHasThem() throws Exception {
        CliRun run = grid("--json");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(withoutTimings(run.out())).isEqualTo(withoutTimings(golden("sweep.json")));
        assertThat(server.server.requestCount()).isEqualTo(8);
        assertThat(server.bodies).allSatisfy(b -> assertThat(b.get("max_tokens").asInt()).isEqualTo(4));

        List<LedgerEntry> ledger = ledger();
        assertThat(ledger).hasSize(8).allMatch(e -> e.origin().equals(LedgerEntry.EXPERIMENT));
        BigDecimal known = ledger.stream().map(LedgerEntry::costUsd).filter(c -> c != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(JSON.readTree(run.out()).get("cost_usd").decimalValue()).isEqualByComparingTo(known);
        assertThat(JSON.readTree(run.out()).get("cost_unknown_cells").asInt()).isEqualTo(4);
    }

    @Test
    void csvHasOneRowACellQuotedAsRfc4180() {
        CliRun run = grid("--csv");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(withoutTimings(InputTable.parse(run.out()))).isEqualTo(withoutTimings(InputTable.parse(golden("sweep.csv"))));
        assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo("model,provider,temperature,max_tokens,city,"
                + "repeat,finish_reason,prompt_tokens,completion_tokens,reasoning_tokens,cached_tokens,ttft_ms,duration_ms,"
                + "cost_usd,error,content");
        assertThat(run.out()).contains(",\"Oslo, \"\"Norway\"\"\",").endsWith("\r\n");
        assertThat(run.out().split("\r\n")).hasSize(9);
    }

    private static List<Map<String, String>> withoutTimings(List<InputRow> rows) {
        return rows.stream().map(row -> {
            Map<String, String> values = new java.util.LinkedHashMap<>(row.values());
            values.put("ttft_ms", "0");
            values.put("duration_ms", "0");
            return values;
        }).toList();
    }

    @Test
    void dryRunPrintsTheCellsAndTheEstimateAndSendsNothing() throws Exception {
        CliRun run = grid("--json");
        server.server.close();
        CliRun dry = sweep("--model", "model-a", "--model", "model-b", "--param", "temperature=0,omit",
                "--param", "max_tokens=4", "--message", "About {{city}}", "--vars", vars.toString(), "--dry-run", "--json");
        assertThat(run.code()).isZero();
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(JSON.readTree(dry.out())).isEqualTo(JSON.readTree(golden("sweep-dry-run.json")));
        assertThat(server.server.requestCount()).isEqualTo(8);
    }

    @Test
    void theDryRunTableNamesTheCellsAndTheCost() {
        CliRun dry = sweep("--model", "model-a", "--param", "top_p=0.5:1:0.25", "--message", "Hi", "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out().lines().toList()).hasSize(5);
        assertThat(dry.out()).contains("top_p", "0.75", "3 cells, 3 requests; estimated $");
        assertThat(server.server.requestCount()).isZero();
    }

    @Test
    void withoutAFormatAProgressLineAndATable() {
        server.says("model-a", "Bonjour");
        CliRun run = sweep("--model", "model-a", "--repeat", "3", "--message", "Hi");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("3/3 done, 0 running, 0 failed");
        assertThat(run.out()).contains("status", "completed", "Bonjour", "3 cells: 3 answered whole; cost $");
    }

    @Test
    void aFailingModelExitsOneAndEveryCellIsStillReported() throws Exception {
        server.failing("gone", 404);
        CliRun run = sweep("--model", "model-a", "--model", "gone", "--message", "Hi", "--json");
        assertThat(run.code()).isEqualTo(1);
        JsonNode cells = JSON.readTree(run.out()).get("cells");
        assertThat(cells).hasSize(2);
        assertThat(cells.get(0).get("error").isNull()).isTrue();
        assertThat(cells.get(1).get("error").get("message").asText()).contains("gone is down");
        assertThat(cells.get(1).get("error").get("status").asInt()).isEqualTo(404);
    }

    @Test
    void badInputExitsTwoAndSendsNothing() {
        assertBad(sweep("--model", "m", "--message", "Hi", "--param", "temprature=0,1"),
                "parley: --param \"temprature\" is not a parameter that can be swept");
        assertBad(sweep("--model", "m", "--message", "Hi", "--param", "temperature=0:1:0"), "the step must be greater than 0");
        assertBad(sweep("--model", "m", "--message", "Hi", "--param", "temperature=1:0:0.1"), "is greater than TO");
        assertBad(sweep("--model", "m", "--message", "Hi", "--param", "temperature=0,5"), "temperature: must be between 0 and 2 (was 5)");
        assertBad(sweep("--model", "m", "--message", "Hi {{name}}"), "{{name}} has no column in the inputs");
        assertBad(sweep("--model", "m", "--message", "Hi", "--repeat", "0"), "--repeat must be at least 1");
        assertBad(sweep("--model", "m", "--message", "Hi", "--json", "--csv"), "Give --json or --csv, not both.");
        assertBad(sweep("--model", "m", "--message", "Hi", "--target", "nowhere", "x"), "--target nowhere:");
        assertBad(sweep("--model", "m", "--message", "Hi", "--vars", home.resolve("none.csv").toString()),
                "Cannot read --vars");
        CliRun noKey = CliRun.of(env(), "sweep", "--base-url", server.baseUrl(), "--model", "m", "--message", "Hi",
                "--target", "deepseek", "deepseek-chat");
        assertBad(noKey, "No API key for DeepSeek (--target deepseek): set DEEPSEEK_API_KEY");
        assertThat(server.server.requestCount()).isZero();
    }

    @Test
    void aColumnNoVariableUsesIsAWarning() {
        CliRun run = sweep("--model", "m", "--message", "Hi", "--vars", vars.toString(), "--dry-run");
        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("parley: warning: the column city is not used: no {{city}} in the prompt");
    }

    @Test
    void moreThanTwoHundredCellsWantYes() throws Exception {
        CliRun refused = sweep("--model", "model-a", "--message", "Hi", "--repeat", "201", "--json");
        assertBad(refused, "201 cells is more than 200: pass --yes");
        assertThat(server.server.requestCount()).isZero();
        CliRun run = sweep("--model", "model-a", "--message", "Hi", "--repeat", "201", "--json", "--yes", "--concurrency", "16");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("cells")).hasSize(201);
        assertThat(server.server.maxInFlight()).isLessThanOrEqualTo(16);
    }

    private static void assertBad(CliRun run, String message) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
    }
}
