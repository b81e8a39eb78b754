package parley.ui.experiment.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Two axes as rows × columns (e.g. model × temperature): each slot shows its first cell's reply start
 * and figures (with how many more cells share the slot when other axes vary) and opens whole on click.
 * Headers carry each row's and column's checks passed and ratings.
 */
final class ResultGrid extends VBox {
    static final double SLOT_WIDTH = 260;

    private final ResultsModel model;
    private final CellCommands commands;
    private final ComboBox<ResultAxis> rows = new ComboBox<>();
    private final ComboBox<ResultAxis> columns = new ComboBox<>();
    private final GridPane grid = new GridPane();
    private final List<Label> headings = new ArrayList<>();
    private final InvalidationListener tallies = obs -> fillTallies();

    ResultGrid(ResultsModel model, CellCommands commands) {
        this.model = model;
        this.commands = commands;
        setId("grid-pane");
        getStyleClass().add("result-grid");
        rows.setId("grid-rows");
        columns.setId("grid-columns");
        List<ResultAxis> axes = model.axes();
        rows.getItems().setAll(axes);
        columns.getItems().setAll(axes);
        rows.getSelectionModel().select(0);
        columns.getSelectionModel().select(Math.min(1, axes.size() - 1));
        rows.valueProperty().addListener((obs, old, now) -> rebuild());
        columns.valueProperty().addListener((obs, old, now) -> rebuild());
        HBox bar = new HBox(8, new Label("Rows"), rows, new Label("Columns"), columns);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("results-bar");
        grid.getStyleClass().add("grid-slots");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.getStyleClass().add("grid-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(bar, scroll);
        model.cells().addListener(new javafx.beans.WeakInvalidationListener(tallies));
        rebuild();
    }

    private void rebuild() {
        ResultAxis r = rows.getValue();
        ResultAxis c = columns.getValue();
        grid.getChildren().clear();
        headings.clear();
        if (r == null || c == null) return;
        List<parley.experiment.Cell> cells = model.cells().stream().map(CellState::cell).toList();
        List<String> rowValues = r.values(cells);
        List<String> columnValues = c.values(cells);
        Map<String, List<CellState>> slots = new LinkedHashMap<>();
        for (CellState s : model.cells()) {
            slots.computeIfAbsent(r.value().apply(s.cell()) + "\n" + c.value().apply(s.cell()), k -> new ArrayList<>()).add(s);
        }
        grid.add(corner(r, c), 0, 0);
        for (int j = 0; j < columnValues.size(); j++) grid.add(heading(columnValues.get(j), "grid-column-heading"), j + 1, 0);
        for (int i = 0; i < rowValues.size(); i++) {
            grid.add(heading(rowValues.get(i), "grid-row-heading"), 0, i + 1);
            for (int j = 0; j < columnValues.size(); j++) {
                List<CellState> slot = slots.getOrDefault(rowValues.get(i) + "\n" + columnValues.get(j), List.of());
                if (!slot.isEmpty()) grid.add(new GridSlot(slot, commands), j + 1, i + 1);
            }
        }
        fillTallies();
    }

    private Label corner(ResultAxis r, ResultAxis c) {
        Label corner = new Label(r.name() + " \\ " + c.name());
        corner.getStyleClass().add("grid-corner");
        return corner;
    }

    private Label heading(String value, String styleClass) {
        Label label = new Label(value);
        label.setUserData(value);
        label.getStyleClass().addAll("grid-heading", styleClass);
        label.setWrapText(true);
        label.setMaxWidth(SLOT_WIDTH);
        headings.add(label);
        return label;
    }

    private void fillTallies() {
        if (rows.getValue() == null || columns.getValue() == null) return;
        Map<String, ColumnTally> byRow = model.tallies(rows.getValue());
        Map<String, ColumnTally> byColumn = model.tallies(columns.getValue());
        for (Label label : headings) {
            String value = (String) label.getUserData();
            var tally = (label.getStyleClass().contains("grid-row-heading") ? byRow : byColumn).get(value);
            String text = tally == null ? "" : Figures.tally(tally);
            label.setText(text.isEmpty() ? value : value + "\n" + text);
        }
    }
}
