package parley.ui.experiment;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import parley.api.ChatBackend;
import parley.experiment.Cell;
import parley.experiment.Experiment;
import parley.experiment.ExperimentEvent;
import parley.experiment.ExperimentLedger;
import parley.experiment.ExperimentRecorder;
import parley.experiment.ExperimentStore;
import parley.experiment.ExperimentRun;
import parley.experiment.ExperimentRunner;
import parley.experiment.Target;

/**
 * The window's {@link CellRunner}: the service's {@link ExperimentRunner} over the window's backends
 * and ledger; every run is saved as it runs ({@link ExperimentRecorder}, on a writer thread of its own).
 */
final class WindowRunner implements CellRunner {
    private static final System.Logger LOG = System.getLogger(WindowRunner.class.getName());
    private final ExperimentRunner runner;
    private final ExperimentStore store;

    WindowRunner(Function<Target, ChatBackend> backends, ExperimentLedger ledger, ExperimentStore store) {
        this.runner = new ExperimentRunner(backends, ledger);
        this.store = store;
    }

    @Override
    public Running start(Experiment experiment, List<Cell> cells, Consumer<ExperimentEvent> events) {
        ExperimentRecorder recorder = ExperimentRecorder.start(store, experiment,
                e -> LOG.log(System.Logger.Level.WARNING, "a cell of experiment " + experiment.id() + " was not saved", e));
        ExperimentRun run = runner.start(experiment, cells, event -> {
            recorder.accept(event);
            if (event instanceof ExperimentEvent.Finished) Thread.ofVirtual().start(() -> close(recorder));
            events.accept(event);
        });
        return new Running() {
            @Override
            public void stop() { run.stop(); }

            @Override
            public void cancel(int cell) { run.cancel(cell); }
        };
    }

    private static void close(ExperimentRecorder recorder) {
        try {
            recorder.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
