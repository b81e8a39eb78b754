package parley.ui.experiment;

import javafx.scene.Node;

/**
 * Where a run's results are shown beside the cells in flight. The result views (columns, grid,
 * table, diff, rating) plug in here; until then the plain list of cells with their status.
 */
final class ResultsSlot {
    private ResultsSlot() {}

    static Node of(RunModel run) {
        return new CellList(run);
    }
}
