package parley.ui.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.experiment.InputRow;

/**
 * The input rows of an experiment: columns named by the variables, rows of their values. A block of
 * cells pasted from a spreadsheet (tab-separated lines) lands at a cell and grows the table as needed.
 */
public final class InputTable {
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<List<String>> rowsView = FXCollections.unmodifiableObservableList(rows);

    public ObservableList<String> columns() { return columnsView; }

    /** Each row has one value per column (empty text for a blank cell). */
    public ObservableList<List<String>> rows() { return rowsView; }

    public void setColumns(List<String> names) {
        List<String> kept = new ArrayList<>(names);
        columns.setAll(kept);
        rows.replaceAll(this::fit);
    }

    /** Adds a column named {@code name} (or "column N" when blank) at the end. */
    public void addColumn(String name) {
        columns.add(name == null || name.isBlank() ? "column " + (columns.size() + 1) : name.strip());
        rows.replaceAll(this::fit);
    }

    public void renameColumn(int index, String name) {
        if (name != null && !name.isBlank()) columns.set(index, name.strip());
    }

    public void removeColumn(int index) {
        columns.remove(index);
        rows.replaceAll(row -> {
            List<String> copy = new ArrayList<>(row);
            copy.remove(index);
            return List.copyOf(copy);
        });
    }

    public void addRow() {
        rows.add(fit(List.of()));
    }

    public void removeRow(int index) {
        rows.remove(index);
    }

    public void set(int row, int column, String value) {
        List<String> copy = new ArrayList<>(rows.get(row));
        copy.set(column, value == null ? "" : value);
        rows.set(row, List.copyOf(copy));
    }

    /** Pastes tab-separated lines with their top-left at ({@code row}, {@code column}); returns the rows pasted. */
    public int paste(int row, int column, String text) {
        List<String[]> block = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if (!line.isEmpty()) block.add(line.split("\t", -1));
        }
        int width = block.stream().mapToInt(cells -> cells.length).max().orElse(0);
        while (columns.size() < column + width) addColumn(null);
        while (rows.size() < row + block.size()) addRow();
        for (int r = 0; r < block.size(); r++) {
            String[] cells = block.get(r);
            for (int c = 0; c < cells.length; c++) set(row + r, column + c, cells[c].strip());
        }
        return block.size();
    }

    /** The rows as the experiment holds them: variable name to value, blank rows left out. */
    public List<InputRow> inputRows() {
        List<InputRow> result = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.stream().allMatch(String::isBlank)) continue;
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) values.put(columns.get(c), row.get(c));
            result.add(new InputRow(values));
        }
        return result;
    }

    private List<String> fit(List<String> row) {
        List<String> copy = new ArrayList<>(row.subList(0, Math.min(row.size(), columns.size())));
        while (copy.size() < columns.size()) copy.add("");
        return List.copyOf(copy);
    }
}
