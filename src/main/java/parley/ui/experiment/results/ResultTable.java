package parley.ui.experiment.results;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import parley.experiment.CellResult;
import parley.experiment.CellStatus;
import parley.experiment.Experiment;
import parley.experiment.ParamAxis;

/**
 * Every cell as a row with every figure, sortable by any column, filtered by a text (found in the
 * model, parameters, inputs, reply and error) and by status. A double click opens a cell whole; the
 * row's menu continues it as a chat, shows its code or retries it.
 */
final class ResultTable extends VBox {
    private final TableView<CellState> table = new TableView<>();
    private final TextField filter = new TextField();
    private final ComboBox<String> status = new ComboBox<>();
    private final FilteredList<CellState> filtered;
    private final CellCommands commands;

    ResultTable(ResultsModel model, CellCommands commands) {
        this.commands = commands;
        setId("table-pane");
        table.setId("results-table");
        filter.setId("table-filter");
        filter.setPromptText("Filter: model, value, input, reply, error");
        status.setId("table-status");
        status.getItems().add("any status");
        for (CellStatus s : CellStatus.values()) status.getItems().add(s.name().toLowerCase(Locale.ROOT));
        status.getSelectionModel().selectFirst();
        filtered = new FilteredList<>(model.cells());
        filter.textProperty().addListener((obs, old, now) -> refilter());
        status.valueProperty().addListener((obs, old, now) -> refilter());
        SortedList<CellState> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(v -> row());
        Experiment experiment = model.experimentProperty().get();
        addColumns(experiment);
        HBox.setHgrow(filter, Priority.ALWAYS);
        Label count = new Label();
        count.getStyleClass().add("results-note");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> filtered.size() + " of " + model.cells().size() + " cells", filtered, model.cells()));
        HBox bar = new HBox(8, filter, status, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("results-bar");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    TableView<CellState> table() { return table; }

    private void refilter() {
        String query = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
        int chosen = status.getSelectionModel().getSelectedIndex();
        CellStatus wanted = chosen <= 0 ? null : CellStatus.values()[chosen - 1];
        filtered.setPredicate(s -> (wanted == null || s.statusProperty().get() == wanted)
                && (query.isEmpty() || CellText.of(s).contains(query)));
    }

    private void addColumns(Experiment experiment) {
        column("#", s -> constant(s.cell().index() + 1));
        column("model", s -> constant(s.cell().target().model()));
        column("provider", s -> constant(s.cell().target().provider()));
        if (experiment != null) {
            for (ParamAxis axis : experiment.params()) {
                column(axis.name(), s -> constant(s.cell().params().get(axis.name()) == null ? "omit"
                        : s.cell().params().get(axis.name()).label()));
            }
            experiment.inputs().getFirst().values().keySet().forEach(name ->
                    column(name, s -> constant(s.cell().vars().values().get(name))));
        }
        column("repeat", s -> constant(s.cell().repeat()));
        TableColumn<CellState, ?> state = column("status", s -> s.statusProperty().map(v -> v.name().toLowerCase(Locale.ROOT)));
        state.setId("column-status");
        figure("finish", CellResult::finishReason);
        figure("ttft ms", CellResult::ttftMillis).setId("column-ttft");
        figure("duration ms", CellResult::durationMillis);
        figure("tok/s", r -> r.tokensPerSecond() == null ? null : Math.round(r.tokensPerSecond() * 10) / 10.0);
        figure("prompt", r -> r.usage().promptTokens());
        figure("completion", r -> r.usage().completionTokens());
        figure("reasoning", r -> r.usage().reasoningTokens());
        figure("cached", r -> r.usage().cachedTokens());
        figure("cost $", CellResult::costUsd);
        figure("checks", r -> r.verdicts().isEmpty() ? null : Figures.marks(r.verdicts()));
        column("rating", CellState::ratingProperty).setId("column-rating");
        figure("error", r -> r.error() == null ? null : r.error().message());
        column("reply", CellState::preview).setPrefWidth(320);
    }

    private <T> TableColumn<CellState, T> figure(String title, Function<CellResult, T> value) {
        return column(title, s -> s.resultProperty().map(value));
    }

    private <T> TableColumn<CellState, T> column(String title, Function<CellState, ObservableValue<T>> value) {
        TableColumn<CellState, T> column = new TableColumn<>(title);
        column.setCellValueFactory(features -> value.apply(features.getValue()));
        table.getColumns().add(column);
        return column;
    }

    private static <T> ObservableValue<T> constant(T value) {
        return new javafx.beans.property.ReadOnlyObjectWrapper<>(value);
    }

    private TableRow<CellState> row() {
        TableRow<CellState> row = new TableRow<>();
        row.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && row.getItem() != null) commands.open(row.getItem());
        });
        MenuItem open = new MenuItem("Open");
        open.setOnAction(e -> commands.open(row.getItem()));
        MenuItem chat = new MenuItem("Continue as chat");
        chat.setOnAction(e -> commands.continueChat(row.getItem()));
        MenuItem code = new MenuItem("Show code");
        code.setOnAction(e -> commands.showCode(row.getItem()));
        MenuItem retry = new MenuItem("Retry");
        retry.setOnAction(e -> commands.retry(row.getItem()));
        ContextMenu menu = new ContextMenu(open, chat, code, retry);
        row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
        menu.setOnShowing(e -> retry.setDisable(row.getItem() == null
                || row.getItem().statusProperty().get() != CellStatus.FAILED));
        return row;
    }
}
