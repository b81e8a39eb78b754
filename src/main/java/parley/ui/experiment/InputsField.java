package parley.ui.experiment;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TablePosition;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.spreadsheet.GridBase;
import org.controlsfx.control.spreadsheet.GridChange;
import org.controlsfx.control.spreadsheet.SpreadsheetCell;
import org.controlsfx.control.spreadsheet.SpreadsheetCellType;
import org.controlsfx.control.spreadsheet.SpreadsheetView;
import parley.ui.Dialogs;

/**
 * The input rows in a ControlsFX {@link SpreadsheetView}: the column headers are the variable names,
 * a block of cells pasted from a spreadsheet (Ctrl+V or Paste) lands at the focused cell and grows
 * the table, and rows and columns are added and removed with the buttons. The table model leads; the
 * grid is rebuilt from it after each change that did not come from the grid itself.
 */
final class InputsField extends VBox {
    private final InputTable table;
    private final SpreadsheetView sheet = new SpreadsheetView();
    private final Dialogs dialogs;
    private boolean editing;

    InputsField(InputTable table, Dialogs dialogs) {
        super(6);
        this.table = table;
        this.dialogs = dialogs;
        setId("experiment-inputs");
        sheet.setId("inputs-sheet");
        sheet.setShowRowHeader(true);
        sheet.setPrefHeight(180);
        sheet.setMinHeight(120);
        sheet.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.V) {
                paste();
                e.consume();
            }
        });
        table.columns().addListener((javafx.beans.Observable o) -> rebuild());
        table.rows().addListener((javafx.beans.Observable o) -> rebuild());
        rebuild();
        getChildren().addAll(buttons(), sheet);
    }

    /** Pastes the clipboard's text (tab-separated rows) at the focused cell, or at the top left. */
    void paste() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text == null || text.isBlank()) return;
        TablePosition<?, ?> at = sheet.getSelectionModel().getFocusedCell();
        int row = at == null || at.getRow() < 0 ? 0 : at.getRow();
        int column = at == null || at.getColumn() < 0 ? 0 : at.getColumn();
        table.paste(row, column, text);
    }

    private VBox buttons() {
        Button addRow = button("add-input-row", "Add row", "Add an empty row of values", table::addRow);
        Button removeRow = button("remove-input-row", "Remove row", "Remove the focused row", () -> {
            int row = focusedRow();
            if (row >= 0 && row < table.rows().size()) table.removeRow(row);
        });
        Button addColumn = button("add-input-column", "Add column", "Add a variable", () ->
                dialogs.askText("Add a column", "The variable's name, as {{name}} in the prompt", "").ifPresent(table::addColumn));
        Button rename = button("rename-input-column", "Rename column", "Rename the focused column", () -> {
            int column = focusedColumn();
            if (column >= 0 && column < table.columns().size()) {
                dialogs.askText("Rename the column", "The variable's name, as {{name}} in the prompt", table.columns().get(column))
                        .ifPresent(name -> table.renameColumn(column, name));
            }
        });
        Button removeColumn = button("remove-input-column", "Remove column", "Remove the focused column", () -> {
            int column = focusedColumn();
            if (column >= 0 && column < table.columns().size()) table.removeColumn(column);
        });
        Button paste = button("paste-inputs", "Paste", "Paste cells copied from a spreadsheet at the focused cell (Ctrl+V)", this::paste);
        Label hint = new Label("Columns are the {{variables}}; paste a block of cells from a spreadsheet.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox row = new HBox(6, paste, addRow, removeRow, addColumn, rename, removeColumn);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getChildren().forEach(n -> ((Button) n).setMinWidth(Region.USE_PREF_SIZE));
        return new VBox(4, hint, row);
    }

    private Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private int focusedRow() {
        TablePosition<?, ?> at = sheet.getSelectionModel().getFocusedCell();
        return at == null ? -1 : at.getRow();
    }

    private int focusedColumn() {
        TablePosition<?, ?> at = sheet.getSelectionModel().getFocusedCell();
        return at == null ? -1 : at.getColumn();
    }

    private void rebuild() {
        if (editing) return;
        List<List<String>> rows = table.rows();
        int columns = table.columns().size();
        GridBase grid = new GridBase(rows.size(), columns);
        ObservableList<ObservableList<SpreadsheetCell>> cells = FXCollections.observableArrayList();
        for (int r = 0; r < rows.size(); r++) {
            ObservableList<SpreadsheetCell> line = FXCollections.observableArrayList();
            for (int c = 0; c < columns; c++) line.add(SpreadsheetCellType.STRING.createCell(r, c, 1, 1, rows.get(r).get(c)));
            cells.add(line);
        }
        grid.setRows(cells);
        grid.getColumnHeaders().setAll(table.columns());
        grid.addEventHandler(GridChange.GRID_CHANGE_EVENT, change -> {
            editing = true;
            try {
                Object value = change.getNewValue();
                table.set(change.getRow(), change.getColumn(), value == null ? "" : value.toString());
            } finally {
                editing = false;
            }
        });
        sheet.setGrid(grid);
        sheet.getColumns().forEach(c -> c.setPrefWidth(180));
    }
}
