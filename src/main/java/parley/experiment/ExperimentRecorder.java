package parley.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Saves a running experiment as it runs: a listener of its events (beside the window's or the CLI's)
 * that hands each ended cell to a writer thread of its own, so the runner's threads never wait on the
 * database; the cells that ended while a write was under way are written together in the next
 * transaction. The definition is saved first. {@link #close} waits for what is pending.
 */
public final class ExperimentRecorder implements Consumer<ExperimentEvent>, AutoCloseable {
    private final ExperimentStore store;
    private final String experimentId;
    private final Consumer<RuntimeException> onFailure;
    private final Queue<CellResult> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "experiment-recorder");
        thread.setDaemon(true);
        return thread;
    });

    private ExperimentRecorder(ExperimentStore store, String experimentId, Consumer<RuntimeException> onFailure) {
        this.store = store;
        this.experimentId = experimentId;
        this.onFailure = onFailure;
    }

    /**
     * A recorder of {@code experiment}, its definition saved (or replaced) first; a failed write is
     * given to {@code onFailure} on the writer thread and the run goes on.
     */
    public static ExperimentRecorder start(ExperimentStore store, Experiment experiment,
                                           Consumer<RuntimeException> onFailure) {
        ExperimentRecorder recorder = new ExperimentRecorder(store, experiment.id(), onFailure);
        recorder.writer.execute(() -> recorder.guarded(() -> store.saveDefinition(experiment)));
        return recorder;
    }

    @Override
    public void accept(ExperimentEvent event) {
        if (event instanceof ExperimentEvent.CellEnded ended) {
            pending.add(ended.result());
            if (scheduled.compareAndSet(false, true)) {
                writer.execute(this::drain);
            }
        }
    }

    /** Waits (up to a minute) until every ended cell handed over so far is written. */
    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(1, TimeUnit.MINUTES)) {
            onFailure.accept(new IllegalStateException("The experiment's last results were not saved within a minute."));
        }
    }

    private void drain() {
        scheduled.set(false);
        List<CellResult> batch = new ArrayList<>();
        for (CellResult r = pending.poll(); r != null; r = pending.poll()) {
            batch.add(r);
        }
        if (!batch.isEmpty()) {
            guarded(() -> store.saveResults(experimentId, batch));
        }
    }

    private void guarded(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }
}
