package parley.ui.experiment.results;

import java.util.function.BiConsumer;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Thumbs down and up (rated 1 and 5) and 1–5 for one cell at a time: follows the cell's rating and
 * sends the user's choice to {@code rate}, guarded so that following does not count as choosing.
 */
final class RatingBar extends HBox {
    private final ToggleGroup group = new ToggleGroup();
    private final BiConsumer<CellState, Integer> rate;
    private final ChangeListener<Integer> follow = (obs, old, now) -> select(now);
    private CellState state;
    private boolean following;

    RatingBar(BiConsumer<CellState, Integer> rate) {
        this.rate = rate;
        getStyleClass().add("rating-bar");
        add(icon(Feather.THUMBS_DOWN), 1, "thumb-down");
        for (int i = 1; i <= 5; i++) add(new ToggleButton(String.valueOf(i)), i, "rate-" + i);
        add(icon(Feather.THUMBS_UP), 5, "thumb-up");
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (following || state == null) return;
            rate.accept(state, now == null ? null : (Integer) now.getUserData());
        });
    }

    private static ToggleButton icon(Feather glyph) {
        ToggleButton button = new ToggleButton(null, new FontIcon(glyph));
        button.setTooltip(new Tooltip(glyph == Feather.THUMBS_UP ? "Good (rated 5)" : "Bad (rated 1)"));
        return button;
    }

    private void add(ToggleButton button, int value, String styleClass) {
        button.setUserData(value);
        button.setToggleGroup(group);
        button.getStyleClass().addAll("rating-choice", styleClass);
        button.setFocusTraversable(false);
        getChildren().add(button);
    }

    void show(CellState next) {
        if (state != null) state.ratingProperty().removeListener(follow);
        state = next;
        if (state != null) state.ratingProperty().addListener(follow);
        following = true;
        group.selectToggle(null);
        following = false;
        select(state == null ? null : state.ratingProperty().get());
    }

    private void select(Integer value) {
        following = true;
        try {
            Toggle current = group.getSelectedToggle();
            // a thumb and its number share a value: keep whichever the user chose
            if (current != null && value != null && value.equals(current.getUserData())) return;
            Toggle chosen = null;
            for (Toggle t : group.getToggles()) {
                if (chosen == null && value != null && value.equals(t.getUserData())) chosen = t;
            }
            group.selectToggle(chosen);
        } finally {
            following = false;
        }
    }
}
