package parley.ui.experiment.results;

import java.util.function.BiConsumer;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

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
        add("👎", 1, "thumb-down");
        for (int i = 1; i <= 5; i++) add(String.valueOf(i), i, "rate-" + i);
        add("👍", 5, "thumb-up");
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (following || state == null) return;
            rate.accept(state, now == null ? null : (Integer) now.getUserData());
        });
    }

    private void add(String text, int value, String styleClass) {
        ToggleButton button = new ToggleButton(text);
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
        select(state == null ? null : state.ratingProperty().get());
    }

    private void select(Integer value) {
        following = true;
        try {
            Toggle chosen = null;
            for (Toggle t : group.getToggles()) {
                // a thumb and its number share a value: the number shows a 1–5 rating, the thumb a thumbs one
                if (value != null && value.equals(t.getUserData())) chosen = chosen == null ? t : chosen;
            }
            group.selectToggle(chosen);
        } finally {
            following = false;
        }
    }
}
