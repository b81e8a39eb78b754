package parley.api;

/**
 * How a request ended. {@code content} and {@code reasoning} hold all that arrived, also when it
 * failed or was stopped. {@code truncated}: the stream ended without {@code [DONE]} or a finish reason.
 */
public record ChatResult(String content, String reasoning, String finishReason, Usage usage,
                         boolean truncated, boolean stopped, ApiError error,
                         long ttftMillis, long durationMillis) {
    public boolean ok() { return error == null && !truncated && !stopped; }
}
