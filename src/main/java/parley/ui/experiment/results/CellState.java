package parley.ui.experiment.results;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;
import parley.experiment.Cell;
import parley.experiment.CellResult;
import parley.experiment.CellStatus;

/**
 * One cell on the FX thread: its reply and reasoning as they stream (published once a frame by
 * {@link ResultsModel}), its status, its result once it ended and the user's rating.
 */
public final class CellState {
    /** How much of the reply the grid and the table show. */
    public static final int PREVIEW_CHARS = 280;

    private final Cell cell;
    private final StringBuilder reply = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final LiveText replyText = new LiveText(reply, Integer.MAX_VALUE);
    private final LiveText preview = new LiveText(reply, PREVIEW_CHARS);
    private final LiveText reasoningText = new LiveText(reasoning, Integer.MAX_VALUE);
    private final ReadOnlyObjectWrapper<CellStatus> status = new ReadOnlyObjectWrapper<>(CellStatus.WAITING);
    private final ReadOnlyObjectWrapper<CellResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Integer> rating = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper waitMillis = new ReadOnlyLongWrapper();
    boolean dirty;

    CellState(Cell cell) {
        this.cell = cell;
    }

    public Cell cell() { return cell; }

    public ObservableStringValue reply() { return replyText; }

    /** The reply's first {@link #PREVIEW_CHARS} characters. */
    public ObservableStringValue preview() { return preview; }

    public ObservableStringValue reasoning() { return reasoningText; }

    public ReadOnlyObjectProperty<CellStatus> statusProperty() { return status.getReadOnlyProperty(); }

    /** Null until the cell ended. */
    public ReadOnlyObjectProperty<CellResult> resultProperty() { return result.getReadOnlyProperty(); }

    /** 1–5 (thumbs are 1 and 5), null when unrated. */
    public ReadOnlyObjectProperty<Integer> ratingProperty() { return rating.getReadOnlyProperty(); }

    /** How long a rate-limited cell waits before it is sent again (0 when it does not). */
    public ReadOnlyLongProperty waitMillisProperty() { return waitMillis.getReadOnlyProperty(); }

    /** The whole reply as it stands (builds the string: for one cell at a time, not per frame). */
    public String replyNow() { return reply.toString(); }

    public int replyLength() { return reply.length(); }

    /** The result with the current rating, null while the cell has not ended. */
    public CellResult snapshot() {
        CellResult r = result.get();
        return r == null ? null : r.withRating(rating.get());
    }

    void start() {
        reply.setLength(0);
        reasoning.setLength(0);
        result.set(null);
        waitMillis.set(0);
        status.set(CellStatus.RUNNING);
        forget();
    }

    void append(String text, String thought) {
        if (text != null) reply.append(text);
        if (thought != null) reasoning.append(thought);
    }

    void waiting(long millis) {
        waitMillis.set(millis);
        status.set(CellStatus.WAITING);
    }

    void end(CellResult value) {
        // a result read back from storage, or a reply that was not streamed, brings its text with it
        if (!value.content().contentEquals(reply)) {
            reply.setLength(0);
            reply.append(value.content());
        }
        if (!value.reasoning().contentEquals(reasoning)) {
            reasoning.setLength(0);
            reasoning.append(value.reasoning());
        }
        waitMillis.set(0);
        result.set(value);
        if (value.rating() != null) rating.set(value.rating());
        status.set(value.status());
        forget();
    }

    private void forget() {
        replyText.reset();
        preview.reset();
        reasoningText.reset();
    }

    void rate(Integer value) {
        rating.set(value);
    }

    void publish() {
        dirty = false;
        replyText.publish();
        preview.publish();
        reasoningText.publish();
    }
}
