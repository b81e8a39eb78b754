package parley.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Text that grows piece by piece, observed by appends rather than as a whole value, so a view can
 * add the new piece without copying everything before it. Used on the UI thread only.
 */
public final class TextStream {
    private final StringBuilder text = new StringBuilder();
    private final List<Consumer<String>> appendListeners = new ArrayList<>();
    private final List<Consumer<String>> resetListeners = new ArrayList<>();

    public void append(String piece) {
        if (piece.isEmpty()) return;
        text.append(piece);
        for (Consumer<String> listener : appendListeners) listener.accept(piece);
    }

    /** Replaces the whole text (a message loaded or edited). */
    public void reset(String value) {
        text.setLength(0);
        text.append(value);
        for (Consumer<String> listener : resetListeners) listener.accept(value);
    }

    public String text() {
        return text.toString();
    }

    public int length() {
        return text.length();
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public void onAppend(Consumer<String> listener) {
        appendListeners.add(listener);
    }

    public void onReset(Consumer<String> listener) {
        resetListeners.add(listener);
    }
}
