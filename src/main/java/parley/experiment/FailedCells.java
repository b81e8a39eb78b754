package parley.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The cells of a saved experiment to run again: those that failed, were cut, were stopped or never ran. */
public final class FailedCells {
    private FailedCells() {}

    public static List<Cell> of(SavedExperiment saved) {
        Map<Integer, CellResult> byCell = new HashMap<>();
        saved.results().forEach(r -> byCell.put(r.cell(), r));
        List<Cell> again = new ArrayList<>();
        for (Cell cell : Cells.of(saved.experiment())) {
            CellResult result = byCell.get(cell.index());
            if (result == null || result.status() != CellStatus.COMPLETED || result.truncated()) {
                again.add(cell);
            }
        }
        return again;
    }
}
