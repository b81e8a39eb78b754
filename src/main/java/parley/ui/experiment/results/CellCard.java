package parley.ui.experiment.results;

import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import parley.experiment.CellResult;
import parley.experiment.CellStatus;

/**
 * One cell in a column: its title, status and figures, the reply as it streams, the error with a
 * Retry when it failed, and its commands. A card is reused for whichever cell its row shows; it
 * follows only that cell, so only the cells on screen are live.
 */
final class CellCard extends VBox {
    private final Label title = new Label();
    private final Label status = new Label();
    private final Label figures = new Label();
    private final ReplyText reply = new ReplyText();
    private final Label error = new Label();
    private final Button retry = new Button("Retry");
    private final VBox failure = new VBox(4, error, retry);
    private final RatingBar rating;
    private final InvalidationListener refresh = obs -> refresh();
    private final CellCommands commands;
    private CellState state;
    private boolean blind;

    CellCard(CellCommands commands, boolean rateable) {
        this.commands = commands;
        getStyleClass().add("cell-card");
        title.getStyleClass().add("cell-title");
        status.getStyleClass().add("cell-status");
        figures.getStyleClass().add("cell-figures");
        figures.setWrapText(true);
        error.getStyleClass().add("cell-error");
        error.setWrapText(true);
        retry.getStyleClass().add("cell-retry");
        retry.setOnAction(e -> commands.retry(state));
        // the card's width is fixed by its column: the reply wraps inside its padding and insets
        reply.wrapWidthProperty().bind(widthProperty().subtract(26));
        rating = new RatingBar(commands::rate);
        rating.setVisible(rateable);
        rating.setManaged(rateable);
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        status.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(6, title, space, status);
        head.setAlignment(Pos.CENTER_LEFT);
        FlowPane foot = new FlowPane(2, 2, button("Open", "cell-open", commands::open),
                button("Continue as chat", "cell-continue", commands::continueChat),
                button("Show code", "cell-code", commands::showCode));
        getChildren().addAll(head, figures, failure, reply, rating, foot);
    }

    private Button button(String text, String styleClass, Consumer<CellState> command) {
        Button b = new Button(text);
        b.getStyleClass().addAll(styleClass, "flat", "small");
        b.setOnAction(e -> {
            if (state != null) command.accept(state);
        });
        return b;
    }

    /** Follows {@code next} (null: shows nothing); {@code heading} is the card's title. */
    void show(CellState next, String heading, boolean hideFigures) {
        // a list lays its rows out again as they grow, handing each card the cell it already shows
        if (next == state && next != null && hideFigures == blind && heading.equals(title.getText())) return;
        if (state != null) {
            state.statusProperty().removeListener(refresh);
            state.resultProperty().removeListener(refresh);
            state.waitMillisProperty().removeListener(refresh);
        }
        state = next;
        blind = hideFigures;
        title.setText(heading);
        rating.show(next);
        setVisible(next != null);
        reply.show(next == null ? null : next.reply());
        if (next == null) return;
        setUserData(next.cell().index());
        next.statusProperty().addListener(refresh);
        next.resultProperty().addListener(refresh);
        next.waitMillisProperty().addListener(refresh);
        refresh();
    }

    CellState state() { return state; }

    private void refresh() {
        CellStatus now = state.statusProperty().get();
        CellResult result = state.resultProperty().get();
        status.setText(statusText(now));
        pseudoClassStates(now);
        figures.setText(result == null || blind ? "" : Figures.line(result));
        figures.setManaged(!figures.getText().isEmpty());
        boolean failed = now == CellStatus.FAILED;
        failure.setVisible(failed);
        failure.setManaged(failed);
        error.setText(failed && result != null && result.error() != null ? result.error().message() : "");
    }

    private String statusText(CellStatus now) {
        long wait = state.waitMillisProperty().get();
        return switch (now) {
            case WAITING -> wait > 0 ? "rate-limited, again in " + Figures.seconds(wait) : "waiting";
            case RUNNING -> "streaming";
            case COMPLETED -> "done";
            case TRUNCATED -> "cut";
            case FAILED -> "failed";
            case STOPPED -> "stopped";
        };
    }

    private void pseudoClassStates(CellStatus now) {
        for (CellStatus s : CellStatus.values()) {
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(s.name().toLowerCase(java.util.Locale.ROOT)), s == now);
        }
    }
}
