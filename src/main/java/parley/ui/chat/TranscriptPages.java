package parley.ui.chat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * Which messages of a long conversation have cards: the newest {@link #PAGE} at first, then a page
 * more each time the user presses "Show N earlier messages" at the top, or a message further up is
 * revealed. A card per message of a conversation of 2,000 took 36 s to build and held 341 MB.
 * Sends, edits and regenerations keep the older messages hidden as they were.
 */
final class TranscriptPages {
    static final int PAGE = 60;

    private final Button earlier = new Button();
    private MessageItem firstBuilt;
    private int hidden;

    TranscriptPages(Runnable showEarlier) {
        earlier.getStyleClass().addAll("flat", "chat-earlier");
        earlier.setMaxWidth(Double.MAX_VALUE);
        earlier.setOnAction(e -> showEarlier.run());
    }

    /** The button at the top of the transcript, there while older messages have no cards. */
    Button button() {
        return earlier;
    }

    /** How many of the oldest messages have no card. */
    int hidden() {
        return hidden;
    }

    /** The newest part of {@code items}, the part to build cards for. */
    List<MessageItem> shown(List<MessageItem> items) {
        int at = firstBuilt == null ? -1 : items.indexOf(firstBuilt);
        return from(items, at >= 0 ? at : Math.max(0, items.size() - PAGE));
    }

    /** One page more above what is shown. */
    List<MessageItem> earlier(List<MessageItem> items) {
        return from(items, Math.max(0, hidden - PAGE));
    }

    /** Pages more above, until the message at {@code index} is shown. */
    List<MessageItem> upTo(List<MessageItem> items, int index) {
        int next = hidden;
        while (next > index) next = Math.max(0, next - PAGE);
        return from(items, next);
    }

    private List<MessageItem> from(List<MessageItem> items, int first) {
        hidden = Math.min(first, items.size());
        firstBuilt = hidden < items.size() ? items.get(hidden) : null;
        int page = Math.min(PAGE, hidden);
        earlier.setText("Show " + page + " earlier " + (page == 1 ? "message" : "messages")
                + (hidden > page ? " (" + hidden + " not shown)" : ""));
        return items.subList(hidden, items.size());
    }

    /**
     * Lays the transcript out and scrolls it so that {@code node} is {@code offset} below the top of
     * the view: where it was before the cards above it were built.
     */
    static void keepAt(ScrollPane scroller, Region transcript, Node node, double offset) {
        scroller.applyCss();
        scroller.layout();
        double room = transcript.getHeight() - scroller.getViewportBounds().getHeight();
        if (room <= 0) return;
        double top = node.getBoundsInParent().getMinY() - offset;
        scroller.setVvalue(scroller.getVmin() + Math.clamp(top / room, 0, 1) * (scroller.getVmax() - scroller.getVmin()));
    }
}
