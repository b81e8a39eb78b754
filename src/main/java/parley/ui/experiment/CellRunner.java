package parley.ui.experiment;

import java.util.List;
import java.util.function.Consumer;
import parley.experiment.Cell;
import parley.experiment.Experiment;
import parley.experiment.ExperimentEvent;

/**
 * How the view starts an experiment: the service's runner behind a seam, so tests can drive the
 * view against a scripted server through the same runner. Events arrive on the runner's threads.
 */
public interface CellRunner {
    Running start(Experiment experiment, List<Cell> cells, Consumer<ExperimentEvent> events);

    /** A started run: stop all that are running (what arrived is kept), or cancel one cell. */
    interface Running {
        void stop();

        void cancel(int cell);
    }
}
