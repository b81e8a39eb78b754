package parley.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Collects events from a background thread until the UI drains them once per frame. Consecutive
 * events that {@code merge} can join (pieces of text) become one, so a frame applies one append
 * however many deltas arrived in it. Thread-safe.
 */
public final class EventBuffer<T> {
    private final BinaryOperator<T> merge;
    private List<T> pending = new ArrayList<>();

    /** {@code merge} returns the joined event, or null when the two cannot be joined. */
    public EventBuffer(BinaryOperator<T> merge) {
        this.merge = merge;
    }

    public synchronized void add(T event) {
        if (!pending.isEmpty()) {
            T joined = merge.apply(pending.getLast(), event);
            if (joined != null) {
                pending.set(pending.size() - 1, joined);
                return;
            }
        }
        pending.add(event);
    }

    /** Takes everything collected so far, in order. */
    public synchronized List<T> drain() {
        if (pending.isEmpty()) return List.of();
        List<T> taken = pending;
        pending = new ArrayList<>();
        return taken;
    }

    public synchronized boolean isEmpty() {
        return pending.isEmpty();
    }
}
