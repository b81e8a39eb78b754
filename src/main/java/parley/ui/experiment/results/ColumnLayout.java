package parley.ui.experiment.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells arranged for the columns view: one column per value of the chosen axis, one row per
 * combination of the other axes, each row holding the cell of every column (null where none).
 */
record ColumnLayout(List<String> columns, List<Row> rows) {
    record Row(String key, List<CellState> cells) {}

    static ColumnLayout of(List<CellState> cells, List<ResultAxis> axes, ResultAxis by, List<String> columnOrder) {
        Map<String, CellState[]> rows = new LinkedHashMap<>();
        for (CellState state : cells) {
            int column = columnOrder.indexOf(by.value().apply(state.cell()));
            if (column < 0) continue;
            String key = ResultAxis.rest(axes, by, state.cell());
            rows.computeIfAbsent(key, k -> new CellState[columnOrder.size()])[column] = state;
        }
        List<Row> list = new ArrayList<>();
        rows.forEach((key, row) -> list.add(new Row(key, java.util.Arrays.asList(row))));
        return new ColumnLayout(List.copyOf(columnOrder), List.copyOf(list));
    }
}
