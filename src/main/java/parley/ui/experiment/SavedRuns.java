package parley.ui.experiment;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import parley.experiment.Cell;
import parley.experiment.CellResult;
import parley.experiment.CellStatus;
import parley.experiment.Cells;
import parley.experiment.SavedExperiment;

/** Which cells of a saved experiment a re-run sends: those that failed, were stopped or never ended. */
final class SavedRuns {
    private SavedRuns() {}

    static List<Cell> unfinished(SavedExperiment saved) {
        Set<Integer> kept = saved.results().stream()
                .filter(r -> r.status() == CellStatus.COMPLETED || r.status() == CellStatus.TRUNCATED)
                .map(CellResult::cell).collect(Collectors.toSet());
        return Cells.of(saved.experiment()).stream().filter(c -> !kept.contains(c.index())).toList();
    }
}
