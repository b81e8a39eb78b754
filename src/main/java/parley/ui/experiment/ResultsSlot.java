package parley.ui.experiment;

import javafx.scene.Node;
import parley.experiment.SavedExperiment;
import parley.ui.chat.FrameClock;
import parley.ui.experiment.results.ResultsModel;
import parley.ui.experiment.results.ResultsView;

/**
 * Where a run's results are shown beside the cells in flight: the result views (columns, grid,
 * table, diff, rating) over a {@link ResultsModel} that takes the run's events as the run model
 * applies them, on the FX thread once per frame.
 */
final class ResultsSlot {
    private ResultsSlot() {}

    /** {@code before}: the saved results a re-run goes on from; null for a new run. */
    static Node of(RunModel run, ResultsView.Actions actions, FrameClock clock, SavedExperiment before) {
        ResultsModel model = new ResultsModel(clock);
        if (before == null) model.begin(run.experiment());
        else model.load(before);
        run.addListener(model::accept);
        return new ResultsView(model, actions);
    }
}
