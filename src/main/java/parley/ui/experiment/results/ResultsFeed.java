package parley.ui.experiment.results;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import parley.experiment.ExperimentEvent;
import parley.ui.UiThread;

/**
 * Hands a running experiment's events from the runner's threads to a {@link ResultsModel} in batches:
 * events queue up, and one task on the UI thread at a time applies all that queued, however many
 * cells stream at once. Give it to the runner as its listener.
 */
public final class ResultsFeed implements Consumer<ExperimentEvent> {
    private final ResultsModel model;
    private final UiThread ui;
    private final ConcurrentLinkedQueue<ExperimentEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public ResultsFeed(ResultsModel model, UiThread ui) {
        this.model = model;
        this.ui = ui;
    }

    /** Called on any thread. */
    @Override
    public void accept(ExperimentEvent event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) ui.run(this::drain);
    }

    private void drain() {
        scheduled.set(false);
        ExperimentEvent event;
        while ((event = queue.poll()) != null) model.accept(event);
    }
}
