package parley.ui.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * The message cards in the transcript, one per message of the part shown (the {@link TranscriptPages}
 * button above them while older messages have none), each made once and kept while its message stays.
 *
 * <p>When a conversation is opened, the newest cards are made at once, as many as fill the view,
 * and the older ones of the page are made above them over the next pulses, a few milliseconds of
 * building and styling each: the 60 cards of a page built and styled in one go held the first
 * screen of a long conversation for most of a second. UI thread only.
 */
final class TranscriptCards {
    /** How long a pulse may spend on the waiting cards (at least one card is made per pulse). */
    static final long PULSE_BUDGET_NANOS = 4_000_000;

    private final Pane column;
    private final TranscriptPages pages;
    private final Function<MessageItem, MessageCard> make;
    private final long budgetNanos;
    private final Map<MessageItem, MessageCard> cards = new HashMap<>();
    /** The messages of the page still without a card, oldest first: made from the newest up. */
    private final List<MessageItem> waiting = new ArrayList<>();
    /** The first pulse after an open draws the first screen alone. */
    private boolean opened;

    TranscriptCards(Pane column, TranscriptPages pages, Function<MessageItem, MessageCard> make, long budgetNanos) {
        this.column = column;
        this.pages = pages;
        this.make = make;
        this.budgetNanos = budgetNanos;
    }

    /** The card of a message, null while it has none. */
    MessageCard card(MessageItem item) {
        return cards.get(item);
    }

    /** True while messages of the page wait for their cards. */
    boolean waiting() {
        return !waiting.isEmpty();
    }

    /** Cards for all of {@code items} (the part to show), now. */
    void build(List<MessageItem> items) {
        build(items, 0);
    }

    /**
     * Cards for {@code items}: every message from the oldest that has a card down to the newest now;
     * when none has one (a conversation opened), the newest that fill {@code height} at {@code width}
     * now and the older ones over the next pulses ({@link #pulse}). Without a size (the view not laid
     * out yet) all are made now.
     */
    void buildGradually(List<MessageItem> items, double width, double height) {
        int oldestKept = 0;
        while (oldestKept < items.size() && !cards.containsKey(items.get(oldestKept))) oldestKept++;
        build(items, oldestKept);
        if (oldestKept < items.size()) return;
        if (width <= 0 || height <= 0) {
            finish();
            return;
        }
        double filled = 0;
        while (!waiting.isEmpty() && filled < height) {
            MessageCard card = addOnTop();
            card.applyCss();
            filled += card.prefHeight(width);
        }
        opened = !waiting.isEmpty();
    }

    /**
     * One pulse's share of the waiting cards, put above the others; false when none was added (none
     * waiting, or the pulse that draws the first screen after an open).
     */
    boolean pulse() {
        if (opened) {
            opened = false;
            return false;
        }
        if (waiting.isEmpty()) return false;
        long start = System.nanoTime();
        do {
            addOnTop().applyCss();
        } while (!waiting.isEmpty() && System.nanoTime() - start < budgetNanos);
        return true;
    }

    /** Every waiting card, now (before the page grows or a message is revealed). */
    void finish() {
        while (!waiting.isEmpty()) addOnTop();
    }

    /** The topmost card shown, null when none. */
    MessageCard topCard() {
        for (Node node : column.getChildren()) {
            if (node instanceof MessageCard card) return card;
        }
        return null;
    }

    private MessageCard addOnTop() {
        MessageItem item = waiting.removeLast();
        MessageCard card = make.apply(item);
        cards.put(item, card);
        column.getChildren().add(pages.hidden() > 0 ? 1 : 0, card);
        return card;
    }

    private void build(List<MessageItem> items, int first) {
        Map<MessageItem, MessageCard> keep = new HashMap<>();
        List<Node> nodes = new ArrayList<>(items.size() - first + 1);
        if (pages.hidden() > 0) nodes.add(pages.button());
        for (MessageItem item : items.subList(first, items.size())) {
            MessageCard card = cards.get(item);
            if (card == null) card = make.apply(item);
            keep.put(item, card);
            nodes.add(card);
        }
        cards.clear();
        cards.putAll(keep);
        waiting.clear();
        waiting.addAll(items.subList(0, first));
        ObservableList<Node> shown = column.getChildren();
        // Cards only added at the end (a send) are appended: setAll would take every card out and put
        // it back, and JavaFX styles a re-added card with all its text again (a long frame per send).
        if (nodes.size() >= shown.size() && nodes.subList(0, shown.size()).equals(shown)) {
            shown.addAll(nodes.subList(shown.size(), nodes.size()));
        } else {
            shown.setAll(nodes);
        }
    }
}
