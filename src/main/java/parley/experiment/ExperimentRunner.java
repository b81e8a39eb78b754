package parley.experiment;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import parley.api.ChatBackend;

/**
 * Runs experiments: each cell a request like any other, through the backend of its model's provider,
 * with at most the experiment's concurrency in flight per provider. The backends are the caller's
 * (e.g. {@code ProviderClients}' cached clients): the runner asks for one per model and never closes
 * it. {@code backends} may throw {@link IllegalArgumentException} (a missing key): that model's cells
 * fail with its message, the others run.
 */
public final class ExperimentRunner {
    private final Function<Target, ChatBackend> backends;
    private final ExperimentLedger ledger;

    public ExperimentRunner(Function<Target, ChatBackend> backends, ExperimentLedger ledger) {
        this.backends = backends;
        this.ledger = ledger;
    }

    /** Starts all the experiment's cells. */
    public ExperimentRun start(Experiment experiment, Consumer<ExperimentEvent> listener) {
        return start(experiment, Cells.of(experiment), listener);
    }

    /**
     * Starts the given cells of the experiment (all, or e.g. only the failed ones again) and returns at
     * once. The listener is called on the runner's threads, one event at a time, and must be quick.
     */
    public ExperimentRun start(Experiment experiment, List<Cell> cells, Consumer<ExperimentEvent> listener) {
        ExperimentRun run = new ExperimentRun(experiment, cells, backends, ledger, listener);
        run.begin();
        return run;
    }
}
