package parley.ui.experiment.results;

import javafx.beans.binding.StringBinding;

/**
 * A reply growing in its owner's builder, seen as an observable string. Appending does not notify; {@link #publish}
 * (once a frame) invalidates, and the string is built only when someone reads it, so a cell nobody
 * shows costs an append per delta and nothing per frame. {@code limit} keeps only the text's start.
 */
final class LiveText extends StringBinding {
    private final StringBuilder text;
    private final int limit;
    private int published = -1;

    /** Shows {@code text}, which its owner appends to on the same thread. */
    LiveText(StringBuilder text, int limit) {
        this.text = text;
        this.limit = limit;
    }

    /** Forgets what was published, so the next {@link #publish} notifies whatever the text is. */
    void reset() {
        published = -1;
    }

    /** Tells readers the text changed, when it did (for a start-only view, when its start did). */
    void publish() {
        int shown = Math.min(text.length(), limit);
        if (shown != published) {
            published = shown;
            invalidate();
        }
    }

    @Override
    protected String computeValue() {
        return text.length() <= limit ? text.toString() : text.substring(0, limit);
    }
}
