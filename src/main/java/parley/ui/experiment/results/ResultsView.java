package parley.ui.experiment.results;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import parley.experiment.Cell;

/**
 * An experiment's results in five modes: columns streaming side by side, a grid of two axes, a table
 * of every figure, a word diff of two replies, and rating (with blind mode). Any cell opens whole in
 * place; its commands go to the {@link Actions} the window gives.
 */
public final class ResultsView extends BorderPane {
    /** What the window does for a cell. Called on the FX thread. */
    public interface Actions {
        /** Opens the cell as a chat with its provider, model and parameters. */
        void continueChat(Cell cell);

        /** Shows the code that sends the cell's request. */
        void showCode(Cell cell);

        /** Sends a failed cell again. */
        void retry(Cell cell);
    }

    public enum Mode { COLUMNS, GRID, TABLE, DIFF, RATING }

    private final ResultsModel model;
    private final CellCommands commands;
    private final Map<Mode, Node> panes = new EnumMap<>(Mode.class);
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.COLUMNS);
    private final ToggleGroup modes = new ToggleGroup();
    private final Random random;

    public ResultsView(ResultsModel model, Actions actions) {
        this(model, actions, new Random());
    }

    /** With the source of blind mode's shuffles (tests fix it). */
    ResultsView(ResultsModel model, Actions actions, Random random) {
        this.model = Objects.requireNonNull(model, "model");
        this.random = random;
        this.commands = new CellCommands(model, Objects.requireNonNull(actions, "actions"), this::open);
        setId("results-view");
        getStyleClass().add("results-view");
        getStylesheets().add(ResultsView.class.getResource("results.css").toExternalForm());
        HBox bar = new HBox(0);
        bar.getStyleClass().add("results-modes");
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Mode m : Mode.values()) {
            ToggleButton button = new ToggleButton(m.name().charAt(0) + m.name().substring(1).toLowerCase(Locale.ROOT));
            button.setId("results-mode-" + m.name().toLowerCase(Locale.ROOT));
            button.setUserData(m);
            button.setToggleGroup(modes);
            bar.getChildren().add(button);
        }
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) modes.selectToggle(old);
            else show((Mode) now.getUserData());
        });
        setTop(bar);
        model.experimentProperty().addListener((obs, old, now) -> {
            panes.clear();
            show(mode.get());
        });
        show(Mode.COLUMNS);
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() { return mode.getReadOnlyProperty(); }

    public void show(Mode value) {
        mode.set(value);
        for (var toggle : modes.getToggles()) {
            if (toggle.getUserData() == value && !toggle.isSelected()) modes.selectToggle(toggle);
        }
        setCenter(panes.computeIfAbsent(value, this::build));
    }

    /** Shows one cell whole in place of the current mode, until Back. */
    public void open(CellState state) {
        setCenter(new CellDetail(state, model, commands, () -> show(mode.get())));
    }

    /** Compares two cells in the diff mode. */
    public void diff(CellState first, CellState second) {
        show(Mode.DIFF);
        ((DiffPane) panes.get(Mode.DIFF)).compare(first, second);
    }

    private Node build(Mode value) {
        return switch (value) {
            case COLUMNS -> new ColumnsPane(model, commands, false, random);
            case RATING -> new ColumnsPane(model, commands, true, random);
            case GRID -> new ResultGrid(model, commands);
            case TABLE -> new ResultTable(model, commands);
            case DIFF -> new DiffPane(model);
        };
    }
}
