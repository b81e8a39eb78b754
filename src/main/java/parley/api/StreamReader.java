package parley.api;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the bytes of an SSE answer into {@link StreamEvent}s: decodes the events, reads each chunk,
 * and notes how the stream ended ({@code [DONE]}, an error object, {@code event: error}, or a chunk
 * that is not JSON). Once it has ended, further events are ignored.
 */
final class StreamReader implements SseDecoder.Listener {
    private final int status;
    private final SseDecoder decoder;
    private final CompletionParser parser;
    private final Consumer<StreamEvent> out;
    private boolean done;
    private boolean ended;
    private ApiError error;

    StreamReader(int status, Consumer<StreamEvent> out, RawTap tap, long maxLineBytes) {
        this.status = status;
        this.out = out;
        this.parser = new CompletionParser(status);
        this.decoder = new SseDecoder(this, tap == null ? null : tap::line, maxLineBytes);
    }

    /** {@link SseDecoder.LineTooLong} when a line or an event grows past the limit. */
    void feed(byte[] bytes, int length) {
        decoder.feed(bytes, 0, length);
    }

    /** The bytes ended. */
    void finish() {
        decoder.finish();
        ended = true;
    }

    /** {@code [DONE]} arrived. */
    boolean done() {
        return done;
    }

    /** Nothing more will be read: [DONE], an error, or the end of the bytes. */
    boolean ended() {
        return ended;
    }

    /** The error that ended the stream, or null. */
    ApiError error() {
        return error;
    }

    @Override
    public void onEvent(String event, byte[] data, int offset, int length) {
        if (ended) {
            return;
        }
        if ("error".equals(event)) {
            endWith(eventError(data, offset, length));
            return;
        }
        if (isDoneMarker(data, offset, length)) {
            done = true;
            ended = true;
            return;
        }
        boolean json = length > 0 && data[offset] == '{';
        if (!json && (length == 0 || (event != null && !event.equals("message")))) {
            return; // keep-alive style events without a chunk
        }
        try {
            ApiError found = parser.parse(data, offset, length, out);
            if (found != null) {
                endWith(found);
            }
        } catch (CompletionParser.MalformedException e) {
            endWith(new ApiError(ApiError.Kind.PROTOCOL, status, null, "malformed stream chunk: " + e.getMessage()));
        }
    }

    private void endWith(ApiError value) {
        error = value;
        ended = true;
    }

    private ApiError eventError(byte[] data, int offset, int length) {
        String text = new String(data, offset, length, StandardCharsets.UTF_8);
        ApiError fromJson = ErrorBodies.fromJson(ErrorBodies.parseJson(text), status, 0);
        if (fromJson != null) {
            return fromJson;
        }
        String excerpt = ErrorBodies.excerpt(text);
        return new ApiError(ApiError.Kind.SERVER, status, null,
                excerpt.isEmpty() ? "the server reported an error in the stream" : excerpt);
    }

    private static boolean isDoneMarker(byte[] d, int off, int len) {
        return len == 6 && d[off] == '[' && d[off + 1] == 'D' && d[off + 2] == 'O' && d[off + 3] == 'N'
                && d[off + 4] == 'E' && d[off + 5] == ']';
    }
}
