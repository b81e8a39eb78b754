package parley.ui.experiment.results;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.text.Text;
import javafx.scene.layout.VBox;

/**
 * A streaming reply as a stack of paragraphs' worth of text: what arrives goes into the last piece,
 * and a piece longer than {@link #CHUNK} characters is closed at a line break, so each frame lays out
 * a short tail instead of the whole reply (which grows to thousands of words in many cards at once).
 */
final class ReplyText extends VBox {
    static final int CHUNK = 1_000;

    private final InvalidationListener follow = obs -> refresh();
    private final DoubleProperty wrapWidth = new SimpleDoubleProperty(400);
    private ObservableStringValue source;
    private int shown;

    ReplyText() {
        getStyleClass().add("cell-reply");
    }

    /** The width the text wraps at (the owner knows it: a Text sized by its parent wraps only after a second layout). */
    DoubleProperty wrapWidthProperty() { return wrapWidth; }

    /** Follows {@code text} (null: shows nothing). */
    void show(ObservableStringValue text) {
        if (text == source) return;
        if (source != null) source.removeListener(follow);
        source = text;
        shown = 0;
        getChildren().clear();
        if (source != null) {
            source.addListener(follow);
            refresh();
        }
    }

    /** The text shown, whole (for tests and measurements). */
    String shownText() {
        StringBuilder sb = new StringBuilder();
        for (var node : getChildren()) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(((Text) node).getText());
        }
        return sb.toString();
    }

    private void refresh() {
        String full = source.get(); // reading it also asks to hear of the next change
        if (full.length() < shown) {
            getChildren().clear();
            shown = 0;
        }
        if (full.length() == shown && !getChildren().isEmpty()) return;
        String piece = full.substring(shown);
        shown = full.length();
        Text last = getChildren().isEmpty() ? null : (Text) getChildren().getLast();
        List<String> pieces = split(last == null ? piece : last.getText() + piece, CHUNK);
        if (last != null) last.setText(pieces.getFirst());
        for (int i = last == null ? 0 : 1; i < pieces.size(); i++) getChildren().add(chunk(pieces.get(i)));
    }

    private Text chunk(String text) {
        Text node = new Text(text);
        node.getStyleClass().add("reply-chunk");
        node.wrappingWidthProperty().bind(wrapWidth);
        return node;
    }

    /**
     * The text cut at line breaks into pieces of at least {@code size} characters (the last may be
     * shorter; a piece without a line break after {@code size} stays whole). The line breaks at the
     * cuts are left out: pieces stacked one under the other read as the text.
     */
    static List<String> split(String text, int size) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (true) {
            int cut = text.length() - start > size ? text.indexOf('\n', start + size) : -1;
            if (cut < 0) {
                pieces.add(text.substring(start));
                return pieces;
            }
            pieces.add(text.substring(start, cut));
            start = cut + 1;
        }
    }
}
