package parley.ui.request;

import java.util.List;
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
 */
public final class RequestViewModel {
    /** VALID: the next request can be sent; INVALID: it would be refused (see {@link #problemsProperty()}). */
    public enum State { VALID, INVALID }

    private final Supplier<ChatRequest> nextRequest;
    private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper(this, "json", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.VALID);
    private final ReadOnlyStringWrapper rawSummary = new ReadOnlyStringWrapper(this, "rawSummary", "No request sent yet.");
    private final ReadOnlyStringWrapper rawText = new ReadOnlyStringWrapper(this, "rawText", "");
    private final ReadOnlyStringWrapper postedBody = new ReadOnlyStringWrapper(this, "postedBody", "");
    private final RawExchangeLog log;
    private ChatRequest shown;

    public RequestViewModel(Supplier<ChatRequest> nextRequest, UiThread ui) {
        this.nextRequest = nextRequest;
        this.log = new RawExchangeLog(ui, this::showRaw);
    }

    public ReadOnlyStringProperty jsonProperty() { return json.getReadOnlyProperty(); }
    /** Why the next request would be refused, one problem a line; empty when it is valid. */
    public ReadOnlyStringProperty problemsProperty() { return problems.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    /** "POST …/chat/completions · HTTP 200 · headers after 85 ms · last line after 1.2 s". */
    public ReadOnlyStringProperty rawSummaryProperty() { return rawSummary.getReadOnlyProperty(); }
    /** The SSE lines or the JSON body of the last answer, as they arrived. */
    public ReadOnlyStringProperty rawTextProperty() { return rawText.getReadOnlyProperty(); }
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
        json.set(RequestJson.pretty(request));
        List<String> found = RequestValidator.problems(request).stream()
                .filter(p -> !request.messages().isEmpty() || !p.contains("message"))
                .toList();
        problems.set(String.join("\n", found));
        state.set(found.isEmpty() ? State.VALID : State.INVALID);
    }

    private void showRaw(RawExchangeLog.Snapshot s) {
        postedBody.set(s.requestBody() == null ? "" : s.requestBody());
        StringBuilder text = new StringBuilder(s.headers());
        if (!s.headers().isEmpty()) text.append('\n');
        text.append(s.text());
        if (s.droppedLines() > 0) text.append("\n… ").append(s.droppedLines()).append(" more lines not shown");
        rawText.set(text.toString());
        rawSummary.set(summary(s));
    }

    static String summary(RawExchangeLog.Snapshot s) {
        if (s.uri() == null) return "No request sent yet.";
        StringBuilder sb = new StringBuilder(s.method()).append(' ').append(s.uri());
        if (s.status() == 0) return sb.append(" · waiting for the answer…").toString();
        sb.append(" · HTTP ").append(s.status()).append(" · headers after ").append(millis(s.millisToStatus()));
        if (s.millisToLast() >= 0) sb.append(" · last byte after ").append(millis(s.millisToLast()));
        return sb.toString();
    }

    static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.2f s", ms / 1000.0);
    }
}
