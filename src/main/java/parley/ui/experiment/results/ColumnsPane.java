package parley.ui.experiment.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import parley.experiment.CellStatus;

/**
 * Replies side by side: one column per value of the chosen axis (the model, a parameter, …), one row
 * per combination of the others, in one virtualized list, so the columns scroll together and only
 * the rows on screen follow their cells. In rating mode each card can be rated, and blind mode shows
 * the columns as shuffled letters, without figures, until every reply shown is rated or the user reveals.
 */
final class ColumnsPane extends VBox {
    static final double MIN_COLUMN_WIDTH = 240;

    private final ResultsModel model;
    private final CellCommands commands;
    private final boolean rating;
    private final ComboBox<ResultAxis> axis = new ComboBox<>();
    private final HBox header = new HBox();
    private final ListView<ColumnLayout.Row> list = new ListView<>();
    private final DoubleProperty columnWidth = new SimpleDoubleProperty(MIN_COLUMN_WIDTH);
    private final CheckBox blind = new CheckBox("Blind");
    private final Button reveal = new Button("Reveal");
    private final Label note = new Label();
    private final Random random;
    private ColumnLayout layout = new ColumnLayout(List.of(), List.of());
    private Map<String, String> letters = Map.of();
    private boolean hidden;
    private final ListChangeListener<CellState> onCells = this::cellsChanged;

    ColumnsPane(ResultsModel model, CellCommands commands, boolean rating, Random random) {
        this.model = model;
        this.commands = commands;
        this.rating = rating;
        this.random = random;
        getStyleClass().add("columns-pane");
        setId(rating ? "rating-pane" : "columns-pane");
        axis.setId(rating ? "rating-axis" : "columns-axis");
        axis.getItems().setAll(model.axes());
        axis.getSelectionModel().selectFirst();
        axis.valueProperty().addListener((obs, old, now) -> rebuild());
        HBox bar = new HBox(8, new Label("Columns by"), axis);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("results-bar");
        if (rating) {
            blind.setId("blind-mode");
            reveal.setId("blind-reveal");
            note.setId("blind-note");
            note.getStyleClass().add("results-note");
            blind.selectedProperty().addListener((obs, old, now) -> blindChanged(now));
            reveal.setOnAction(e -> show(false));
            reveal.setDisable(true);
            bar.getChildren().addAll(blind, reveal, note);
        }
        header.getStyleClass().add("columns-header");
        Pane headerClip = new Pane(header);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(headerClip.widthProperty());
        clip.heightProperty().bind(headerClip.heightProperty());
        headerClip.setClip(clip);
        headerClip.minHeightProperty().bind(header.heightProperty());
        list.setId(rating ? "rating-list" : "columns-list");
        list.getStyleClass().add("columns-list");
        list.setCellFactory(v -> new RowCell());
        list.skinProperty().addListener((obs, old, now) -> followHorizontalScroll());
        list.widthProperty().addListener((obs, old, now) -> fitColumns());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, headerClip, list);
        model.cells().addListener(new javafx.collections.WeakListChangeListener<>(onCells));
        rebuild();
    }

    private void blindChanged(boolean on) {
        if (on) letters = BlindLetters.of(axis.getValue().values(cells()), random);
        show(on);
    }

    private void show(boolean hide) {
        hidden = hide;
        reveal.setDisable(!hide);
        rebuild();
    }

    private void cellsChanged(ListChangeListener.Change<? extends CellState> change) {
        while (change.next()) {
            if (change.wasAdded() || change.wasRemoved()) {
                rebuild();
                return;
            }
        }
        if (hidden && allShownRated()) {
            show(false);
            note.setText("Every reply is rated: revealed.");
            return;
        }
        fillHeader();
    }

    /** Whether every cell with a reply has a rating (and there is one). */
    boolean allShownRated() {
        boolean any = false;
        for (ColumnLayout.Row row : layout.rows()) {
            for (CellState s : row.cells()) {
                if (s == null) continue;
                CellStatus status = s.statusProperty().get();
                if (status != CellStatus.COMPLETED && status != CellStatus.TRUNCATED) continue;
                if (s.ratingProperty().get() == null) return false;
                any = true;
            }
        }
        return any;
    }

    private List<parley.experiment.Cell> cells() {
        return model.cells().stream().map(CellState::cell).toList();
    }

    private void rebuild() {
        ResultAxis by = axis.getValue();
        if (by == null) return;
        List<String> order = hidden ? new ArrayList<>(letters.keySet()) : by.values(cells());
        layout = ColumnLayout.of(model.cells(), model.axes(), by, order);
        if (rating) note.setText(hidden ? "Rate every reply to see which " + by.name() + " wrote it." : "");
        fitColumns();
        list.setItems(FXCollections.observableList(layout.rows()));
        list.refresh();
        fillHeader();
    }

    private void fitColumns() {
        int n = Math.max(1, layout.columns().size());
        columnWidth.set(Math.max(MIN_COLUMN_WIDTH, Math.floor((list.getWidth() - 24) / n)));
    }

    private void fillHeader() {
        ResultAxis by = axis.getValue();
        Map<String, ColumnTally> tallies = model.tallies(by);
        List<Node> labels = new ArrayList<>();
        for (String column : layout.columns()) {
            String tally = Figures.tally(tallies.getOrDefault(column, ColumnTally.NONE));
            // in blind mode a column's checks and ratings could tell which one it is
            Label label = new Label(heading(column) + (tally.isEmpty() || hidden ? "" : "\n" + tally));
            label.getStyleClass().add("column-heading");
            label.prefWidthProperty().bind(columnWidth);
            label.minWidthProperty().bind(columnWidth);
            labels.add(label);
        }
        header.getChildren().setAll(labels);
    }

    private String heading(String column) {
        return hidden ? letters.get(column) : column;
    }

    private void followHorizontalScroll() {
        for (Node node : list.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                header.translateXProperty().bind(bar.valueProperty().negate());
            }
        }
        if (!header.translateXProperty().isBound()) {
            // the skin makes its scroll bars on its first layout
            list.needsLayoutProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (!now) {
                        list.needsLayoutProperty().removeListener(this);
                        followHorizontalScroll();
                    }
                }
            });
        }
    }

    /** A row of cards, one per column, each following the cell it shows. */
    private final class RowCell extends ListCell<ColumnLayout.Row> {
        private final HBox cards = new HBox();
        private final Label key = new Label();
        private final VBox box = new VBox(2, key, cards);

        RowCell() {
            key.getStyleClass().add("row-key");
            cards.getStyleClass().add("row-cards");
            setGraphic(box);
            setText(null);
        }

        @Override
        protected void updateItem(ColumnLayout.Row row, boolean empty) {
            super.updateItem(row, empty);
            int n = empty || row == null ? 0 : row.cells().size();
            while (cards.getChildren().size() < n) {
                CellCard card = new CellCard(commands, rating);
                card.prefWidthProperty().bind(columnWidth);
                card.minWidthProperty().bind(columnWidth);
                card.maxWidthProperty().bind(columnWidth);
                cards.getChildren().add(card);
            }
            for (int i = 0; i < cards.getChildren().size(); i++) {
                CellCard card = (CellCard) cards.getChildren().get(i);
                CellState state = i < n ? row.cells().get(i) : null;
                card.show(state, state == null ? "" : hidden ? heading(layout.columns().get(i)) : "#" + (state.cell().index() + 1), hidden);
                card.setManaged(i < n);
            }
            key.setText(n == 0 ? "" : row.key());
            key.setManaged(n > 0 && !row.key().isEmpty());
            box.setVisible(n > 0);
        }
    }
}
