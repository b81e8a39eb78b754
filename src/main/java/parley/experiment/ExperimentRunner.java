package parley.experiment;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import parley.api.ChatBackend;
import parley.chat.BackendFactory;
import parley.chat.ChatSettings;

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

    /**
     * The backends of a chat's factory (e.g. {@code ProviderBackends} over the window's
     * {@code ProviderClients}), asked with settings that name the target's provider, base URL and model.
     * The factory must hand out backends it keeps (the runner does not close them).
     */
    public static Function<Target, ChatBackend> backendsOf(BackendFactory factory) {
        return target -> factory.backendFor(ChatSettings.defaults().withProvider(target.provider(), target.baseUrl())
                .withModel(target.model()));
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
