package parley.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Server-sent events decoder following the WHATWG rules. Bytes go in as they arrive, split anywhere
 * (also inside a UTF-8 character: lines are cut at ASCII line ends before any decoding); events come
 * out. Handles {@code :} comments, {@code data:} with or without one space, LF, CR and CRLF line ends,
 * multi-line data, {@code event:} names and a leading byte-order mark. Data is never trimmed.
 * A line, or an event's data, longer than the decoder's limit ends the stream with
 * {@link LineTooLong} before more of it is held. One instance per stream; not thread-safe.
 */
public final class SseDecoder {

    /** Receives each complete event. */
    @FunctionalInterface
    public interface Listener {
        /**
         * One event. {@code event} is null for the default type ("message"). The data bytes are
         * UTF-8 and valid only during the call.
         */
        void onEvent(String event, byte[] data, int offset, int length);
    }

    /** A line or an event's data grew past the limit; nothing past it was kept. */
    public static final class LineTooLong extends RuntimeException {
        private final long limit;

        LineTooLong(long limit) {
            super("an SSE line is longer than " + limit + " bytes");
            this.limit = limit;
        }

        /** The limit in bytes. */
        public long limit() {
            return limit;
        }
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Listener listener;
    private final Consumer<String> lineTap;
    private final long maxLineBytes;

    private byte[] line = new byte[256];
    private int lineLength;
    private byte[] data = new byte[256];
    private int dataLength;
    private boolean hasData;
    private String eventType;
    private boolean skipLeadingLf;
    private int bomMatched;

    public SseDecoder(Listener listener) {
        this(listener, null);
    }

    /** @param lineTap receives every raw line (without its line end), or null */
    public SseDecoder(Listener listener, Consumer<String> lineTap) {
        this(listener, lineTap, ReadLimits.DEFAULT.sseLineBytes());
    }

    /**
     * @param lineTap      receives every raw line (without its line end), or null
     * @param maxLineBytes the longest line, and the most data one event may gather
     */
    public SseDecoder(Listener listener, Consumer<String> lineTap, long maxLineBytes) {
        this.listener = listener;
        this.lineTap = lineTap;
        this.maxLineBytes = maxLineBytes;
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    public void feed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        if (bomMatched >= 0) {
            i = skipBom(bytes, i, end);
        }
        if (skipLeadingLf && i < end) {
            skipLeadingLf = false;
            if (bytes[i] == LF) {
                i++;
            }
        }
        int start = i;
        while (true) {
            int lineEnd = indexOfLineEnd(bytes, start, end);
            if (lineEnd < 0) {
                break;
            }
            if (lineLength > 0) {
                appendLine(bytes, start, lineEnd - start);
                processLine(line, 0, lineLength);
                lineLength = 0;
            } else {
                processLine(bytes, start, lineEnd - start);
            }
            i = lineEnd + 1;
            if (bytes[lineEnd] == CR) {
                if (i == end) {
                    skipLeadingLf = true;
                } else if (bytes[i] == LF) {
                    i++;
                }
            }
            start = i;
        }
        if (start < end) {
            appendLine(bytes, start, end - start);
        }
    }

    /** The index of the next CR or LF in {@code [from, end)}, or -1; eight bytes at a time. */
    private static int indexOfLineEnd(byte[] b, int from, int end) {
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long word = (long) LONGS.get(b, i);
            long lf = word ^ 0x0A0A0A0A0A0A0A0AL;
            long cr = word ^ 0x0D0D0D0D0D0D0D0DL;
            long found = (((lf - 0x0101010101010101L) & ~lf) | ((cr - 0x0101010101010101L) & ~cr))
                    & 0x8080808080808080L;
            if (found != 0) {
                // the lowest flagged byte is always a real match (borrows only run upwards)
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c == LF || c == CR) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Ends the stream. An event whose lines all ended but that lacks the closing blank line is still
     * delivered (some servers close right after {@code data: [DONE]\n}); an unfinished last line is
     * dropped, as WHATWG says.
     *
     * @return true when an unfinished last line was dropped
     */
    public boolean finish() {
        boolean dropped = lineLength > 0;
        lineLength = 0;
        dispatch();
        return dropped;
    }

    private int skipBom(byte[] bytes, int i, int end) {
        while (bomMatched >= 0 && i < end) {
            if (bytes[i] == BOM[bomMatched]) {
                i++;
                bomMatched++;
                if (bomMatched == BOM.length) {
                    bomMatched = -1;
                }
            } else {
                appendLine(BOM, 0, bomMatched);
                bomMatched = -1;
            }
        }
        return i;
    }

    private void processLine(byte[] b, int off, int len) {
        if (len > maxLineBytes) {
            throw new LineTooLong(maxLineBytes);
        }
        if (lineTap != null) {
            lineTap.accept(new String(b, off, len, StandardCharsets.UTF_8));
        }
        if (len == 0) {
            dispatch();
            return;
        }
        if (b[off] == ':') {
            return;
        }
        int end = off + len;
        int colon = indexOfColon(b, off, end);
        int fieldEnd = colon < 0 ? end : colon;
        int valueStart = colon < 0 ? end : colon + 1;
        if (valueStart < end && b[valueStart] == ' ') {
            valueStart++;
        }
        int fieldLength = fieldEnd - off;
        if (fieldLength == 4 && b[off] == 'd' && b[off + 1] == 'a' && b[off + 2] == 't' && b[off + 3] == 'a') {
            appendData(b, valueStart, end - valueStart);
        } else if (fieldLength == 5 && b[off] == 'e' && b[off + 1] == 'v' && b[off + 2] == 'e'
                && b[off + 3] == 'n' && b[off + 4] == 't') {
            eventType = new String(b, valueStart, end - valueStart, StandardCharsets.UTF_8);
        }
        // id, retry and unknown fields do not change what the client reports
    }

    private static int indexOfColon(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private void dispatch() {
        if (hasData) {
            String type = eventType == null || eventType.isEmpty() ? null : eventType;
            listener.onEvent(type, data, 0, dataLength);
        }
        dataLength = 0;
        hasData = false;
        eventType = null;
    }

    private void appendData(byte[] b, int off, int len) {
        int needed = dataLength + len + 1;
        if (needed - 1 > maxLineBytes) {
            throw new LineTooLong(maxLineBytes);
        }
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
        }
        if (hasData) {
            data[dataLength++] = LF;
        }
        System.arraycopy(b, off, data, dataLength, len);
        dataLength += len;
        hasData = true;
    }

    private void appendLine(byte[] b, int off, int len) {
        int needed = lineLength + len;
        if (needed > maxLineBytes) {
            throw new LineTooLong(maxLineBytes);
        }
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.max(needed, line.length * 2));
        }
        System.arraycopy(b, off, line, lineLength, len);
        lineLength += len;
    }
}
