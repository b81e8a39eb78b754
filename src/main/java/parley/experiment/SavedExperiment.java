package parley.experiment;

import java.util.List;

/** An experiment as stored: its definition and the results of the cells that ran (by cell index). */
public record SavedExperiment(Experiment experiment, List<CellResult> results) {
    public SavedExperiment {
        results = List.copyOf(results);
    }
}
