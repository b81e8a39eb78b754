package parley.ui.experiment.results;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Region;

/**
 * Any two cells' replies compared word by word: words only in the first struck through on red, words
 * only in the second on green. Compared again when either cell ends.
 */
final class DiffPane extends VBox {
    private final ComboBox<CellState> left = new ComboBox<>();
    private final ComboBox<CellState> right = new ComboBox<>();
    private final DiffText flow = new DiffText();
    private final Label summary = new Label();
    private final InvalidationListener again = obs -> compare();

    DiffPane(ResultsModel model) {
        setId("diff-pane");
        left.setId("diff-left");
        right.setId("diff-right");
        for (ComboBox<CellState> box : List.of(left, right)) {
            box.setItems(model.cells());
            box.setCellFactory(v -> new Named());
            box.setButtonCell(new Named());
            box.valueProperty().addListener((obs, old, now) -> {
                if (old != null) old.resultProperty().removeListener(again);
                if (now != null) now.resultProperty().addListener(again);
                compare();
            });
        }
        if (model.cells().size() > 1) {
            left.getSelectionModel().select(0);
            right.getSelectionModel().select(1);
        }
        summary.setId("diff-summary");
        summary.getStyleClass().add("results-note");
        Label against = new Label("against");
        against.setMinWidth(Region.USE_PREF_SIZE);
        left.setPrefWidth(440);
        right.setPrefWidth(440);
        HBox bar = new HBox(8, left, against, right);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("results-bar");
        flow.setId("diff-text");
        flow.getStyleClass().add("diff-text");
        ScrollPane scroll = new ScrollPane(flow);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("diff-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        summary.setPadding(new javafx.geometry.Insets(0, 8, 0, 8));
        getChildren().addAll(bar, summary, scroll);
    }

    /** Chooses the two cells to compare. */
    void compare(CellState first, CellState second) {
        left.setValue(first);
        right.setValue(second);
    }

    private void compare() {
        CellState a = left.getValue();
        CellState b = right.getValue();
        if (a == null || b == null) {
            flow.show(List.of());
            summary.setText("Choose two cells.");
            return;
        }
        int inserted = 0;
        int deleted = 0;
        List<WordDiff.Piece> pieces = WordDiff.of(a.replyNow(), b.replyNow());
        for (WordDiff.Piece piece : pieces) {
            if (piece.kind() == WordDiff.Kind.INSERTED) inserted += words(piece.text());
            if (piece.kind() == WordDiff.Kind.DELETED) deleted += words(piece.text());
        }
        flow.show(pieces);
        summary.setText(inserted + deleted == 0 ? "The replies are the same."
                : deleted + " words only in the first, " + inserted + " only in the second");
    }

    private static int words(String text) {
        return (int) WordDiff.tokens(text).stream().filter(t -> !t.isBlank()).count();
    }

    /** A cell as the choosers name it: its number, model and the values of the other axes. */
    static String name(CellState s) {
        StringBuilder sb = new StringBuilder("#").append(s.cell().index() + 1).append(' ').append(s.cell().target().label());
        s.cell().params().forEach((k, v) -> sb.append(" · ").append(k).append('=').append(v.label()));
        if (!s.cell().vars().values().isEmpty()) sb.append(" · ").append(ResultAxis.input(s.cell()));
        if (s.cell().repeat() > 1) sb.append(" · repeat ").append(s.cell().repeat());
        return sb.toString();
    }

    private static final class Named extends ListCell<CellState> {
        @Override
        protected void updateItem(CellState item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : name(item));
        }
    }
}
