package parley.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.Usage;
import parley.app.AppDatabase;
import parley.store.Database;

class ExperimentRecorderTest {
    @TempDir
    Path dir;

    @Test
    void everyEndedCellHandedOverFromManyThreadsIsSavedOnce() throws Exception {
        Experiment e = StoredSamples.experiment();
        Experiment many = new Experiment("many", "Many", e.prompt(), e.base(), e.targets(), e.params(), e.inputs(), 50,
                4, List.of(), StoredSamples.CREATED);
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        try (Database db = AppDatabase.open(dir.resolve("parley.db"))) {
            ExperimentStore store = new ExperimentStore(db);
            try (ExperimentRecorder recorder = ExperimentRecorder.start(store, many, failures::add)) {
                IntStream.range(0, many.cellCount()).parallel().forEach(cell -> {
                    recorder.accept(new ExperimentEvent.CellStarted(cell));
                    recorder.accept(new ExperimentEvent.CellEnded(new CellResult(cell, CellStatus.COMPLETED,
                            "Reply " + cell, "", "stop", new Usage(10, 5, 15, null, null), false, null, 10L, 50L, null,
                            null, List.of(), null, StoredSamples.CREATED)));
                });
                recorder.accept(new ExperimentEvent.Finished(false));
            }

            SavedExperiment saved = store.load("many").orElseThrow();
            assertThat(saved.results()).hasSize(200).extracting(CellResult::cell)
                    .containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
            assertThat(store.list()).singleElement().extracting(ExperimentSummary::done).isEqualTo(200);
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void aFailedWriteIsReportedAndTheRunGoesOn() throws Exception {
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        Database db = AppDatabase.open(dir.resolve("parley.db"));
        ExperimentStore store = new ExperimentStore(db);
        db.close();
        try (ExperimentRecorder recorder = ExperimentRecorder.start(store, StoredSamples.experiment(), failures::add)) {
            recorder.accept(new ExperimentEvent.CellEnded(StoredSamples.completed()));
        }
        assertThat(failures).hasSize(2).allSatisfy(f -> assertThat(f).hasMessageContaining("database"));
    }
}
