package parley.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.Usage;
import parley.app.AppDatabase;
import parley.store.Database;

class ExperimentStoreTest {
    @TempDir
    Path dir;
    private Database database;
    private ExperimentStore store;

    @BeforeEach
    void open() {
        database = AppDatabase.open(dir.resolve("parley.db"));
        store = new ExperimentStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aDefinitionAndItsResultsComeBackEqual() {
        SavedExperiment saved = StoredSamples.halfRun();
        store.saveDefinition(saved.experiment());
        saved.results().forEach(r -> store.saveResult("exp-1", r));

        SavedExperiment back = store.load("exp-1").orElseThrow();

        assertThat(back).isEqualTo(saved);
        assertThat(back.experiment().checks()).as("every kind of check, by its type name")
                .hasSize(7).isEqualTo(StoredSamples.checks());
        assertThat(back.experiment().params().getFirst().values()).containsExactly(ParamValue.of(0.2), ParamValue.OMIT);
        assertThat(back.experiment().base().extended().seed()).isEqualTo(42L);
        assertThat(ExperimentJson.write(saved.experiment())).contains("\"type\":\"not_contains\"",
                "\"type\":\"matches_schema\"", "\"type\":\"judge\"", "\"values\":[0.2,null]");
        assertThat(store.load("nope")).isEmpty();
    }

    @Test
    void aHalfRunExperimentIsKeptAndCompletedLater() {
        store.saveDefinition(StoredSamples.experiment());
        store.saveResult("exp-1", StoredSamples.completed());
        store.saveResult("exp-1", StoredSamples.failed());

        ExperimentSummary half = store.list().getFirst();
        assertThat(half).isEqualTo(new ExperimentSummary("exp-1", "Tides at two temperatures", StoredSamples.CREATED,
                4, 2, 1, new BigDecimal("0.000414"), 1));
        assertThat(FailedCells.of(store.load("exp-1").orElseThrow())).extracting(Cell::index).containsExactly(1, 2, 3);

        store.saveResult("exp-1", StoredSamples.truncated());
        store.saveResults("exp-1", List.of(2, 3).stream().map(cell -> new CellResult(cell, CellStatus.COMPLETED,
                "Rerun " + cell, "", "stop", new Usage(40, 5, 45, null, null), false, new BigDecimal("0.00005"), 100L,
                400L, 12.5, null, List.of(), null, StoredSamples.CREATED.plusSeconds(60))).toList());

        SavedExperiment whole = store.load("exp-1").orElseThrow();
        assertThat(whole.results()).extracting(CellResult::cell).containsExactly(0, 1, 2, 3);
        assertThat(whole.results().get(2).content()).as("the re-run replaced the failed result").isEqualTo("Rerun 2");
        assertThat(store.list().getFirst()).isEqualTo(new ExperimentSummary("exp-1", "Tides at two temperatures",
                StoredSamples.CREATED, 4, 4, 0, new BigDecimal("0.000614"), 0));
        assertThat(FailedCells.of(whole)).as("the cut cell still runs again").extracting(Cell::index).containsExactly(1);
    }

    @Test
    void failedCellsAreTheFailedCutStoppedAndNeverRun() {
        CellResult stopped = new CellResult(3, CellStatus.STOPPED, "Partial", "", null, Usage.NONE, false, null,
                null, 10L, null, null, List.of(), null, StoredSamples.CREATED);
        CellResult cutButCompleted = new CellResult(0, CellStatus.COMPLETED, "x", "", "length", Usage.NONE, true,
                null, null, 10L, null, null, List.of(), null, StoredSamples.CREATED);

        assertThat(FailedCells.of(new SavedExperiment(StoredSamples.experiment(), List.of())))
                .extracting(Cell::index).containsExactly(0, 1, 2, 3);
        assertThat(FailedCells.of(new SavedExperiment(StoredSamples.experiment(),
                List.of(StoredSamples.completed(), StoredSamples.truncated(), stopped)))).extracting(Cell::index)
                .containsExactly(1, 2, 3);
        assertThat(FailedCells.of(new SavedExperiment(StoredSamples.experiment(), List.of(cutButCompleted))))
                .extracting(Cell::index).containsExactly(0, 1, 2, 3);
    }

    @Test
    void renameDeleteAndSearch() {
        store.saveDefinition(StoredSamples.experiment());
        store.saveResult("exp-1", StoredSamples.completed());

        assertThat(store.search("tempera", 10)).as("by name, as a word's start")
                .extracting(ExperimentHit::experimentId, ExperimentHit::cell).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("exp-1", null));
        assertThat(store.search("high", 10)).as("by prompt").hasSize(1);
        assertThat(store.search("funnels atlantic", 10)).as("by reply").singleElement().satisfies(hit -> {
            assertThat(hit.cell()).isZero();
            assertThat(hit.plainSnippet()).contains("funnels the Atlantic");
        });
        assertThat(store.search("\"unbalanced OR", 10)).as("no input is read as FTS syntax").isEmpty();

        assertThat(store.rename("exp-1", "  Brittany tides ")).isTrue();
        assertThat(store.list()).extracting(ExperimentSummary::name).containsExactly("Brittany tides");
        assertThat(store.load("exp-1").orElseThrow().experiment().name()).isEqualTo("Brittany tides");
        assertThat(store.search("Brittany", 10)).hasSize(1);
        assertThat(store.search("temperatures", 10)).isEmpty();
        assertThatThrownBy(() -> store.rename("exp-1", " ")).hasMessage("An experiment needs a name: type one.");
        assertThat(store.rename("nope", "x")).isFalse();

        assertThat(store.delete("exp-1")).isTrue();
        assertThat(store.list()).isEmpty();
        assertThat(store.search("funnels", 10)).isEmpty();
        assertThat(count("SELECT count(*) FROM experiment_cells")).isZero();
        assertThat(store.delete("exp-1")).isFalse();
    }

    @Test
    void aRatingIsStoredAloneAndAReRunClearsIt() {
        store.saveDefinition(StoredSamples.experiment());
        store.saveResult("exp-1", StoredSamples.truncated());

        assertThat(store.setRating("exp-1", 1, 2)).isTrue();
        assertThat(store.load("exp-1").orElseThrow().results().getFirst().rating()).isEqualTo(2);
        assertThat(store.setRating("exp-1", 3, 2)).as("cell 3 has no result").isFalse();
        assertThatThrownBy(() -> store.setRating("exp-1", 1, 6)).hasMessageContaining("1 to 5");

        store.saveResult("exp-1", StoredSamples.truncated());
        assertThat(store.load("exp-1").orElseThrow().results().getFirst().rating()).isNull();
    }

    @Test
    void aChangedDefinitionDropsResultsThatNoLongerBelongToItsCells() {
        Experiment e = StoredSamples.experiment();
        store.saveDefinition(e);
        store.saveResult("exp-1", StoredSamples.completed());

        store.saveDefinition(new Experiment(e.id(), "Renamed", e.prompt(), e.base(), e.targets(), e.params(),
                e.inputs(), e.repeats(), 8, List.of(), e.createdAt()));
        assertThat(store.load("exp-1").orElseThrow().results()).as("name, checks and concurrency: same requests")
                .hasSize(1);

        store.saveDefinition(new Experiment(e.id(), e.name(), e.prompt(), e.base(), e.targets(), e.params(),
                e.inputs(), 2, 4, e.checks(), e.createdAt()));
        assertThat(store.load("exp-1").orElseThrow().results()).as("repeats changed the cells").isEmpty();
        assertThat(store.list().getFirst().cellCount()).isEqualTo(8);
    }

    @Test
    void aKeyInAPromptAReplyOrAnErrorIsMaskedBeforeItIsStored() {
        String key = "sk-live-0123456789abcdef6071";
        // a made-up key a server echoes in its error, written in two parts so no scanner takes it for a real one
        String echoed = "sk-" + "abcdefghijklmnopqrstuvwxyz";
        ExperimentStore masking = new ExperimentStore(database, java.time.Clock.systemUTC(), () -> List.of(key));
        Experiment e = StoredSamples.experiment();
        masking.saveDefinition(new Experiment(e.id(), e.name(), Prompt.of("Use " + key, "Is " + key + " valid?"),
                e.base(), e.targets(), e.params(), e.inputs(), e.repeats(), e.concurrency(), e.checks(), e.createdAt()));
        CellResult f = StoredSamples.failed();
        masking.saveResult("exp-1", new CellResult(0, CellStatus.COMPLETED, "Your key " + key, "I saw " + key, "stop",
                null, false, null, null, 10L, null, null, List.of(), null, null));
        masking.saveResult("exp-1", new CellResult(2, f.status(), "", "", null, null, false, null, null, 10L, null,
                new parley.api.ApiError(parley.api.ApiError.Kind.AUTHENTICATION, 401, null,
                        "Incorrect API key provided: " + echoed), List.of(), null, null));

        SavedExperiment back = store.load("exp-1").orElseThrow();
        String stored = ExperimentJson.write(back.experiment()) + back.results();
        assertThat(stored).doesNotContain(key, echoed).contains("sk-l…6071", "sk-a…wxyz");
    }

    private int count(String sql) {
        return database.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        });
    }
}
