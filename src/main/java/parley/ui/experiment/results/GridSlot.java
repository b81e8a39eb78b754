package parley.ui.experiment.results;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import parley.experiment.CellResult;

/** One slot of the grid: its first cell's reply start and figures; a click opens that cell whole. */
final class GridSlot extends VBox {
    private final CellState first;
    private final Label figures = new Label();
    private final InvalidationListener refresh = obs -> refresh();

    GridSlot(List<CellState> cells, CellCommands commands) {
        first = cells.getFirst();
        getStyleClass().add("grid-slot");
        setUserData(first.cell().index());
        setPrefWidth(ResultGrid.SLOT_WIDTH);
        setMaxWidth(ResultGrid.SLOT_WIDTH);
        Text start = new Text();
        start.getStyleClass().add("slot-reply");
        start.textProperty().bind(first.preview());
        start.setWrappingWidth(ResultGrid.SLOT_WIDTH - 20);
        figures.getStyleClass().add("cell-figures");
        figures.setWrapText(true);
        getChildren().addAll(start, figures);
        if (cells.size() > 1) {
            Label more = new Label("+" + (cells.size() - 1) + " more in the table and columns");
            more.getStyleClass().add("results-note");
            getChildren().add(more);
        }
        first.resultProperty().addListener(new WeakInvalidationListener(refresh));
        first.statusProperty().addListener(new WeakInvalidationListener(refresh));
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) commands.open(first);
        });
        refresh();
    }

    private void refresh() {
        CellResult result = first.resultProperty().get();
        figures.setText(result == null ? first.statusProperty().get().name().toLowerCase(java.util.Locale.ROOT)
                : result.error() != null ? "failed: " + result.error().message() : Figures.line(result));
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), result != null && result.error() != null);
    }
}
