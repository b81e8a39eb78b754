package parley.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The grid of an experiment's exports: a row per model, a column per combination of parameter values
 * and input row, each place holding that combination's cells (one per repeat) in order.
 */
record ExperimentGrid(List<String> rows, List<String> columns, Map<String, List<Cell>> places) {
    static ExperimentGrid of(Experiment experiment) {
        List<String> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        Map<String, List<Cell>> places = new LinkedHashMap<>();
        for (Cell cell : Cells.of(experiment)) {
            String row = cell.target().label();
            String column = column(cell);
            if (!rows.contains(row)) {
                rows.add(row);
            }
            if (!columns.contains(column)) {
                columns.add(column);
            }
            places.computeIfAbsent(key(row, column), k -> new ArrayList<>()).add(cell);
        }
        return new ExperimentGrid(rows, columns, places);
    }

    List<Cell> at(String row, String column) {
        return places.getOrDefault(key(row, column), List.of());
    }

    /** "temperature 0.5, topic tides": what the column's cells share besides the model; "reply" when nothing. */
    private static String column(Cell cell) {
        String params = cell.params().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().label())
                .collect(Collectors.joining(", "));
        String vars = cell.vars().values().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String label = params.isEmpty() ? vars : vars.isEmpty() ? params : params + ", " + vars;
        return label.isEmpty() ? "reply" : label;
    }

    private static String key(String row, String column) {
        return row + "\n" + column;
    }
}
