package parley.ui.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.experiment.Cell;
import parley.experiment.CellStatus;
import parley.experiment.Experiment;
import parley.experiment.ExperimentEvent;
import parley.ui.chat.FrameClock;

/**
 * A running experiment as the view shows it: each cell's status and reply so far, and the progress
 * line. Events arrive on the runner's threads; they are queued and applied once per frame on the FX
 * thread (as the chat's stream is), so a hundred streaming cells cost one update a frame.
 * {@link #listeners} hear every applied event (the result views, on the FX thread).
 */
public final class RunModel {
    /** One cell's state. */
    public record CellRow(Cell cell, CellStatus status, String text, String error) {
        CellRow with(CellStatus s, String t, String e) { return new CellRow(cell, s, t, e); }
    }

    private final ConcurrentLinkedQueue<ExperimentEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final FrameClock clock;
    private final parley.ui.UiThread ui;
    private final Experiment experiment;
    private final ObservableList<CellRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished", false);
    private final List<java.util.function.Consumer<ExperimentEvent>> listeners = new ArrayList<>();

    public RunModel(Experiment experiment, List<Cell> cells, FrameClock clock, parley.ui.UiThread ui) {
        this.experiment = experiment;
        this.clock = clock;
        this.ui = ui;
        cells.forEach(c -> rows.add(new CellRow(c, CellStatus.WAITING, "", "")));
        progress.set("0 of " + cells.size() + " done");
    }

    public Experiment experiment() { return experiment; }
    public ObservableList<CellRow> rows() { return rows; }
    public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty finishedProperty() { return finished.getReadOnlyProperty(); }

    /** Hears each event once it is applied, on the FX thread. */
    public void addListener(java.util.function.Consumer<ExperimentEvent> listener) { listeners.add(listener); }

    /** Takes an event on any thread. */
    public void accept(ExperimentEvent event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) ui.run(() -> clock.start(this::drain));
    }

    /** Applies what is queued; answers whether to run again next frame. */
    private boolean drain() {
        ExperimentEvent event;
        int applied = 0;
        while ((event = queue.poll()) != null) {
            apply(event);
            applied++;
        }
        if (applied == 0) {
            scheduled.set(false);
            return !queue.isEmpty() && scheduled.compareAndSet(false, true);
        }
        return true;
    }

    private void apply(ExperimentEvent event) {
        switch (event) {
            case ExperimentEvent.CellStarted e -> update(e.cell(), r -> r.with(CellStatus.RUNNING, r.text(), ""));
            case ExperimentEvent.CellDelta e -> update(e.cell(), r -> r.with(CellStatus.RUNNING, r.text() + e.text(), ""));
            case ExperimentEvent.CellWaiting e -> update(e.cell(), r -> r.with(CellStatus.WAITING, r.text(),
                    "waiting " + Duration.ofMillis(e.waitMillis()).toSeconds() + " s (the provider asked to slow down)"));
            case ExperimentEvent.CellEnded e -> update(e.result().cell(), r -> r.with(e.result().status(),
                    e.result().content(), e.result().error() == null ? "" : e.result().error().message()));
            case ExperimentEvent.Progress p -> progress.set(progressText(p));
            case ExperimentEvent.Finished f -> finished.set(true);
        }
        listeners.forEach(l -> l.accept(event));
    }

    private void update(int cell, java.util.function.UnaryOperator<CellRow> change) {
        if (cell >= 0 && cell < rows.size()) rows.set(cell, change.apply(rows.get(cell)));
    }

    /** "12 of 40 done · 4 running · 1 failed · 0:42 elapsed · about 1:30 left". */
    static String progressText(ExperimentEvent.Progress p) {
        String text = p.done() + " of " + p.total() + " done · " + p.running() + " running · " + p.failed() + " failed · "
                + clock(p.elapsedMillis()) + " elapsed";
        return p.etaMillis() == null ? text : text + " · about " + clock(p.etaMillis()) + " left";
    }

    private static String clock(long millis) {
        long s = millis / 1000;
        return s / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", s % 60);
    }
}
