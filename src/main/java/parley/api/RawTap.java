package parley.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Sees the raw exchange of a request as it happens, for a "raw response" view: the exact body that
 * was posted, the status and headers, and every SSE line or the whole body as it arrives. Called on
 * the request's own thread; keep it quick. The API key is never passed to it.
 */
public interface RawTap {
    /** The exact body posted to {@code uri}; called again for each retry. */
    default void request(String method, URI uri, String body) {}

    /** The status line and headers of an answer. */
    default void response(int status, Map<String, List<String>> headers) {}

    /** One raw SSE line, without its line end (empty lines end events). */
    default void line(String line) {}

    /** The whole body of a non-streamed answer or of an error answer. */
    default void body(String body) {}
}
