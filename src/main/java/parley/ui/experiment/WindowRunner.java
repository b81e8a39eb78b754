package parley.ui.experiment;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import parley.api.ChatBackend;
import parley.experiment.Cell;
import parley.experiment.Experiment;
import parley.experiment.ExperimentEvent;
import parley.experiment.ExperimentLedger;
import parley.experiment.ExperimentRun;
import parley.experiment.ExperimentRunner;
import parley.experiment.Target;

/** The window's {@link CellRunner}: the service's {@link ExperimentRunner} over the window's backends and ledger. */
final class WindowRunner implements CellRunner {
    private final ExperimentRunner runner;

    WindowRunner(Function<Target, ChatBackend> backends, ExperimentLedger ledger) {
        this.runner = new ExperimentRunner(backends, ledger);
    }

    @Override
    public Running start(Experiment experiment, List<Cell> cells, Consumer<ExperimentEvent> events) {
        ExperimentRun run = runner.start(experiment, cells, events);
        return new Running() {
            @Override
            public void stop() { run.stop(); }

            @Override
            public void cancel(int cell) { run.cancel(cell); }
        };
    }
}
