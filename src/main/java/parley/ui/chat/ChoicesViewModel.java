package parley.ui.chat;

import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import parley.api.Choice;

/** The choices of one reply ({@code n > 1}), side by side, and which one the conversation continues from. */
public final class ChoicesViewModel {
    private final List<Choice> choices;
    private final Predicate<Choice> keep;
    private final ReadOnlyIntegerWrapper chosen = new ReadOnlyIntegerWrapper(-1);

    /** {@code keep} makes a choice the reply and answers whether it could. */
    public ChoicesViewModel(List<Choice> choices, Predicate<Choice> keep) {
        this.choices = List.copyOf(choices);
        this.keep = keep;
    }

    public List<Choice> choices() { return choices; }

    /** The position (in {@link #choices()}) of the choice kept; -1 until one is. */
    public ReadOnlyIntegerProperty chosenProperty() { return chosen.getReadOnlyProperty(); }

    /** Continues the conversation with the choice at {@code position}. */
    public boolean continueWith(int position) {
        if (position < 0 || position >= choices.size()) return false;
        if (!keep.test(choices.get(position))) return false;
        chosen.set(position);
        return true;
    }
}
