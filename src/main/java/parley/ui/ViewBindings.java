package parley.ui;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;

/** Ties a control's property to a view model's read-only state and its command method. */
public final class ViewBindings {
    private ViewBindings() {}

    /**
     * The control follows {@code state}; a change the user makes to {@code control} goes through
     * {@code command}, never into the state directly.
     */
    public static <T> void follow(ObservableValue<T> state, Property<T> control, Consumer<T> command) {
        control.setValue(state.getValue());
        boolean[] updating = {false};
        state.addListener((obs, old, now) -> {
            if (Objects.equals(control.getValue(), now)) return; // a text control would lose its caret
            updating[0] = true;
            try {
                control.setValue(now);
            } finally {
                updating[0] = false;
            }
        });
        control.addListener((obs, old, now) -> {
            if (!updating[0] && !Objects.equals(now, state.getValue())) command.accept(now);
        });
    }
}
