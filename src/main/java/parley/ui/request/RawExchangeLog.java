package parley.ui.request;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import parley.api.RawTap;
import parley.ui.UiThread;

/**
 * Collects the raw exchange of the last request from the client's tap (on the request's thread; a
 * retry starts it afresh) and hands what changed to the UI thread, at most one pending hand-over at
 * a time however fast the lines arrive. The answer (headers, then the SSE lines or the body) is
 * shown as its first {@link #HEAD_CHARS} and at least its last {@link #TAIL_CHARS} characters, with
 * a mark where the middle is left out; the whole is written to a temporary file as it arrives, for
 * {@link #saveWhole}. A hand-over carries only the text added since the last one, except when the
 * shown tail is cut back (once per {@link #TAIL_CHARS} arrived): then the shown text, never the whole.
 */
public final class RawExchangeLog implements RawTap, AutoCloseable {
    public static final int HEAD_CHARS = 256 * 1024;
    public static final int TAIL_CHARS = 256 * 1024;
    /** Stands where the middle of a long answer is left out. */
    public static final String CUT_MARK = "\n… the middle of the answer is not shown: Save keeps the whole …\n";

    /**
     * What the raw view shows. {@code status} is 0 until the answer's status line arrived. When
     * {@code replace}, {@code text} is the whole shown text; else it is added to the end of it.
     */
    public record Snapshot(String method, URI uri, String requestBody, int status, boolean replace, String text,
                           long totalChars, long hiddenChars, long millisToStatus, long millisToLast) {
        public static final Snapshot EMPTY = new Snapshot(null, null, null, 0, true, "", 0, 0, -1, -1);
    }

    private static final System.Logger LOG = System.getLogger(RawExchangeLog.class.getName());

    private final UiThread ui;
    private final Consumer<Snapshot> sink;
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();
    private final StringBuilder added = new StringBuilder();
    private boolean replaced = true;
    private long total;
    private long hidden;
    private String method;
    private URI uri;
    private String requestBody;
    private int status;
    private long started;
    private long toStatus = -1;
    private long toLast = -1;
    private boolean pending;
    private Path spool;
    private BufferedWriter spoolWriter;

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
            head.setLength(0);
            tail.setLength(0);
            added.setLength(0);
            replaced = true;
            total = 0;
            hidden = 0;
            started = System.nanoTime();
            toStatus = -1;
            toLast = -1;
            restartSpool();
        }
        publish();
    }

    @Override
    public void response(int status, Map<String, List<String>> headers) {
        synchronized (this) {
            this.status = status;
            String block = formatHeaders(headers);
            if (!block.isEmpty()) {
                append(block);
                append("\n");
            }
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

    /** Writes the whole answer of the last request to {@code target}; call it off the UI thread. */
    public synchronized void saveWhole(Path target) throws IOException {
        if (total == 0) {
            throw new IllegalStateException("No answer has arrived yet.");
        }
        if (spoolWriter == null) {
            throw new IllegalStateException("The whole answer could not be kept in a temporary file (see the log).");
        }
        spoolWriter.flush();
        Files.copy(spool, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public synchronized void close() {
        closeSpool();
        if (spool != null) {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete " + spool, e);
            }
        }
    }

    private void append(String s) {
        total += s.length();
        writeSpool(s);
        int intoHead = Math.min(s.length(), HEAD_CHARS - head.length());
        if (intoHead > 0) {
            head.append(s, 0, intoHead);
            added.append(s, 0, intoHead);
        }
        int rest = s.length() - intoHead;
        if (rest == 0) {
            return;
        }
        if (tail.length() + rest <= 2 * TAIL_CHARS) {
            tail.append(s, intoHead, s.length());
            added.append(s, intoHead, s.length());
            return;
        }
        // cut the shown tail back to its last TAIL_CHARS, taking no more of s than that
        int keepOfS = Math.min(rest, TAIL_CHARS);
        int keepOfTail = TAIL_CHARS - keepOfS;
        hidden += tail.length() - keepOfTail + (rest - keepOfS);
        tail.delete(0, tail.length() - keepOfTail);
        tail.append(s, s.length() - keepOfS, s.length());
        replaced = true;
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
        String text = replaced ? shownText() : added.toString();
        Snapshot s = new Snapshot(method, uri, requestBody, status, replaced, text, total, hidden, toStatus, toLast);
        replaced = false;
        added.setLength(0);
        return s;
    }

    private String shownText() {
        StringBuilder shown = new StringBuilder(head.length() + CUT_MARK.length() + tail.length()).append(head);
        if (hidden > 0) shown.append(CUT_MARK);
        return shown.append(tail).toString();
    }

    private void restartSpool() {
        closeSpool();
        try {
            if (spool == null) {
                spool = Files.createTempFile("parley-answer-", ".txt");
                spool.toFile().deleteOnExit();
            }
            spoolWriter = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot keep the whole answer in a temporary file", e);
            spoolWriter = null;
        }
    }

    private void writeSpool(String s) {
        if (spoolWriter == null) return;
        try {
            spoolWriter.write(s);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot keep the whole answer in a temporary file", e);
            closeSpool();
        }
    }

    private void closeSpool() {
        if (spoolWriter == null) return;
        try {
            spoolWriter.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot close the temporary file of the answer", e);
        } finally {
            spoolWriter = null;
        }
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
