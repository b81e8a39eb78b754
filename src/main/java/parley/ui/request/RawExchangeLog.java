package parley.ui.request;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import parley.api.RawTap;
import parley.ui.UiThread;

/**
 * Collects the raw exchange of the last request from the client's tap (on the request's thread)
 * (a retry starts it afresh) and hands a snapshot to the UI thread, at most one pending hand-over at a time however fast the
 * lines arrive. Keeps the first {@link #MAX_CHARS} characters of the answer and counts the rest.
 */
public final class RawExchangeLog implements RawTap {
    public static final int MAX_CHARS = 1_000_000;

    /** What the raw view shows. {@code status} is 0 until the answer's status line arrived. */
    public record Snapshot(String method, URI uri, String requestBody, int status,
                           String headers, String text, long droppedLines, long millisToStatus,
                           long millisToLast) {
        public static final Snapshot EMPTY = new Snapshot(null, null, null, 0, "", "", 0, -1, -1);
    }

    private final UiThread ui;
    private final Consumer<Snapshot> sink;
    private final StringBuilder text = new StringBuilder();
    private String method;
    private URI uri;
    private String requestBody;
    private int status;
    private String headers = "";
    private long dropped;
    private long started;
    private long toStatus = -1;
    private long toLast = -1;
    private boolean pending;

    public RawExchangeLog(UiThread ui, Consumer<Snapshot> sink) {
        this.ui = ui;
        this.sink = sink;
    }

    @Override
    public void request(String method, URI uri, String body) {
        synchronized (this) {
            this.method = method;
            this.uri = uri;
            this.requestBody = body;
            status = 0;
            headers = "";
            text.setLength(0);
            dropped = 0;
            started = System.nanoTime();
            toStatus = -1;
            toLast = -1;
        }
        publish();
    }

    @Override
    public void response(int status, Map<String, List<String>> headers) {
        synchronized (this) {
            this.status = status;
            this.headers = formatHeaders(headers);
            toStatus = elapsed();
        }
        publish();
    }

    @Override
    public void line(String line) {
        synchronized (this) {
            append(line);
            append("\n");
            toLast = elapsed();
        }
        publish();
    }

    @Override
    public void body(String body) {
        synchronized (this) {
            append(body);
            toLast = elapsed();
        }
        publish();
    }

    private void append(String s) {
        if (text.length() + s.length() <= MAX_CHARS) text.append(s);
        else if (!s.equals("\n")) dropped++;
    }

    private long elapsed() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private void publish() {
        synchronized (this) {
            if (pending) return;
            pending = true;
        }
        ui.run(() -> sink.accept(take()));
    }

    private synchronized Snapshot take() {
        pending = false;
        return new Snapshot(method, uri, requestBody, status, headers, text.toString(), dropped,
                toStatus, toLast);
    }

    private static String formatHeaders(Map<String, List<String>> headers) {
        StringBuilder sb = new StringBuilder();
        headers.entrySet().stream()
                .filter(e -> e.getKey() != null && !e.getKey().startsWith(":"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append(": ").append(String.join(", ", e.getValue())).append('\n'));
        return sb.toString();
    }
}
