package parley.ui.experiment;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.experiment.Experiment;
import parley.ui.UiThread;

/**
 * The form's "what it will cost" line, worked out in the background after each change (it reads the
 * ledger and the prices); an answer overtaken by a newer change is dropped.
 */
public final class PreflightModel {
    private final Function<Experiment, Preflight> estimate;
    private final Executor background;
    private final UiThread ui;
    private final AtomicLong generation = new AtomicLong();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private Preflight last;

    public PreflightModel(Function<Experiment, Preflight> estimate, Executor background, UiThread ui) {
        this.estimate = estimate;
        this.background = background;
        this.ui = ui;
    }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }

    /** Works the line out again for the form as it is now. */
    public void refresh(ExperimentFormModel form) {
        long mine = generation.incrementAndGet();
        last = null;
        if (!form.problems().isEmpty()) {
            text.set(form.cellCountProperty().get() + " cells");
            return;
        }
        Experiment experiment = form.experiment();
        text.set(experiment.cellCount() + " cells · working out the cost…");
        background.execute(() -> {
            String shown;
            Preflight result = null;
            try {
                result = estimate.apply(experiment);
                shown = result.summary();
            } catch (RuntimeException e) {
                shown = experiment.cellCount() + " cells · the cost could not be worked out: " + e.getMessage();
            }
            Preflight done = result;
            String line = shown;
            ui.run(() -> {
                if (generation.get() != mine) return;
                last = done;
                text.set(line);
            });
        });
    }

    /** Whether the budget refuses the run as the last estimate stands. */
    public boolean blocked() {
        return last != null && last.blocked();
    }

    /** Whether Run must ask first: over the confirmation threshold, or the budget asks. */
    public boolean needsConfirmation(int cells) {
        return cells > Experiment.CONFIRM_ABOVE || (last != null && last.needsConfirmation());
    }
}
