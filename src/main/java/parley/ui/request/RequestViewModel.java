package parley.ui.request;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.api.ChatRequest;
import parley.api.RawTap;
import parley.api.RequestJson;
import parley.api.RequestValidator;
import parley.ui.UiThread;

/**
 * The request the next send will post, as JSON, and the raw answer to the last one. The JSON is
 * written from the same {@link ChatRequest} the chat service sends, by the client's own mapper.
 * The raw answer is shown cut (its first and last {@link RawExchangeLog#TAIL_CHARS} characters) and
 * reaches the view as changes, mostly text added at the end; the whole can be saved as a file.
 */
public final class RequestViewModel implements AutoCloseable {
    /** VALID: the next request can be sent; INVALID: it would be refused (see {@link #problemsProperty()}). */
    public enum State { VALID, INVALID }

    /** A change of the shown raw answer: {@code text} replaces it ({@code replace}) or is added at its end. */
    public record RawChange(long sequence, boolean replace, String text) {}

    private final Supplier<ChatRequest> nextRequest;
    private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper(this, "json", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.VALID);
    private final ReadOnlyStringWrapper rawSummary = new ReadOnlyStringWrapper(this, "rawSummary", "No request sent yet.");
    private final ReadOnlyObjectWrapper<RawChange> rawChange = new ReadOnlyObjectWrapper<>(this, "rawChange",
            new RawChange(0, true, ""));
    private final ReadOnlyStringWrapper saveNotice = new ReadOnlyStringWrapper(this, "saveNotice", "");
    private final StringBuilder rawShown = new StringBuilder();
    private final UiThread ui;
    private final ReadOnlyStringWrapper postedBody = new ReadOnlyStringWrapper(this, "postedBody", "");
    private final RawExchangeLog log;
    private ChatRequest shown;
    private boolean jsonWanted;

    public RequestViewModel(Supplier<ChatRequest> nextRequest, UiThread ui) {
        this.nextRequest = nextRequest;
        this.ui = ui;
        this.log = new RawExchangeLog(ui, this::showRaw);
    }

    /**
     * The JSON body the next send would post. Written from the first call on: a window whose Request
     * and Code panels are not built yet does not pay for it at each change.
     */
    public ReadOnlyStringProperty jsonProperty() {
        if (!jsonWanted) {
            jsonWanted = true;
            json.set(shown == null ? "" : RequestJson.pretty(shown));
        }
        return json.getReadOnlyProperty();
    }
    /** Why the next request would be refused, one problem a line; empty when it is valid. */
    public ReadOnlyStringProperty problemsProperty() { return problems.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    /** "POST …/chat/completions · HTTP 200 · headers after 85 ms · last line after 1.2 s". */
    public ReadOnlyStringProperty rawSummaryProperty() { return rawSummary.getReadOnlyProperty(); }
    /** Each change of the shown raw answer (its headers, then its SSE lines or body, cut when long). */
    public ReadOnlyObjectProperty<RawChange> rawChangeProperty() { return rawChange.getReadOnlyProperty(); }
    /** What became of the last Save of the whole answer; empty before one. */
    public ReadOnlyStringProperty saveNoticeProperty() { return saveNotice.getReadOnlyProperty(); }

    /** The raw answer as shown now (built on request, e.g. to copy it). */
    public String rawText() { return rawShown.toString(); }
    /** The exact body of the last request that was posted. */
    public ReadOnlyStringProperty postedBodyProperty() { return postedBody.getReadOnlyProperty(); }

    /** The tap to give the client, so the raw answer of every request reaches this view. */
    public RawTap tap() { return log; }

    /** The request shown now: the one the next send will post. */
    public ChatRequest shownRequest() { return shown; }

    /** Rebuilds the shown request; call it whenever anything that shapes the request changed. */
    public void refresh() {
        ChatRequest request;
        try {
            request = nextRequest.get();
        } catch (RuntimeException e) {
            shown = null;
            json.set("");
            problems.set(e.getMessage());
            state.set(State.INVALID);
            return;
        }
        shown = request;
        if (jsonWanted) json.set(RequestJson.pretty(request));
        List<String> found = RequestValidator.problems(request).stream()
                .filter(p -> !request.messages().isEmpty() || !p.contains("message"))
                .toList();
        problems.set(String.join("\n", found));
        state.set(found.isEmpty() ? State.VALID : State.INVALID);
    }

    /** Writes the whole raw answer of the last request to {@code file} on {@code background}; the outcome shows in {@link #saveNoticeProperty()}. */
    public void saveWholeAnswer(Path file, Executor background) {
        saveNotice.set("Saving…");
        background.execute(() -> {
            String outcome;
            try {
                log.saveWhole(file);
                outcome = "Saved the whole answer to " + file + ".";
            } catch (IOException e) {
                outcome = "Could not save to " + file + ": " + e.getMessage();
            } catch (IllegalStateException e) {
                outcome = e.getMessage();
            }
            String shown = outcome;
            ui.run(() -> saveNotice.set(shown));
        });
    }

    /** Removes the temporary file that holds the whole answer. */
    @Override
    public void close() {
        log.close();
    }

    private void showRaw(RawExchangeLog.Snapshot s) {
        postedBody.set(s.requestBody() == null ? "" : s.requestBody());
        if (s.replace()) {
            rawShown.setLength(0);
        }
        rawShown.append(s.text());
        if (s.replace() || !s.text().isEmpty()) {
            rawChange.set(new RawChange(rawChange.get().sequence() + 1, s.replace(), s.text()));
        }
        rawSummary.set(summary(s));
    }

    static String summary(RawExchangeLog.Snapshot s) {
        if (s.uri() == null) return "No request sent yet.";
        StringBuilder sb = new StringBuilder(s.method()).append(' ').append(s.uri());
        if (s.status() == 0) return sb.append(" · waiting for the answer…").toString();
        sb.append(" · HTTP ").append(s.status()).append(" · headers after ").append(millis(s.millisToStatus()));
        if (s.millisToLast() >= 0) sb.append(" · last byte after ").append(millis(s.millisToLast()));
        if (s.hiddenChars() > 0) {
            sb.append(String.format(Locale.ROOT, " · %,d of %,d characters shown (Save keeps the whole answer)",
                    s.totalChars() - s.hiddenChars(), s.totalChars()));
        }
        return sb.toString();
    }

    static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }
}
