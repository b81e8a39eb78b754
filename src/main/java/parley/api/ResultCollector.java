package parley.api;

import java.util.function.Consumer;

/** Passes events on and keeps what they add up to, so a {@link ChatResult} holds all that arrived. */
final class ResultCollector implements Consumer<StreamEvent> {
    private final Consumer<StreamEvent> downstream;
    private final long startNanos;
    private final String secret;
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private String finishReason;
    private parley.api.Usage usage;
    private long firstTokenNanos = -1;

    /** {@code secret}: the key of the request, masked wherever an error message repeats it (may be null). */
    ResultCollector(Consumer<StreamEvent> downstream, long startNanos, String secret) {
        this.downstream = downstream;
        this.startNanos = startNanos;
        this.secret = secret;
    }

    @Override
    public void accept(StreamEvent event) {
        if (event instanceof StreamEvent.Delta delta) {
            markFirstToken();
            content.append(delta.text());
        } else if (event instanceof StreamEvent.Reasoning thought) {
            markFirstToken();
            reasoning.append(thought.text());
        } else if (event instanceof StreamEvent.Usage u) {
            usage = u.usage();
        } else if (event instanceof StreamEvent.Finish finish) {
            finishReason = finish.reason();
        }
        downstream.accept(event);
    }

    boolean finished() {
        return finishReason != null;
    }

    /** The result of a request that ended; {@code error} is also reported as an event. */
    ChatResult result(boolean truncated, boolean stopped, ApiError failure) {
        ApiError error = failure == null ? null : failure.hiding(secret);
        if (error != null) {
            try {
                downstream.accept(new StreamEvent.Error(error));
            } catch (RuntimeException ignored) {
                // a failing consumer must not keep the result from being delivered
            }
        }
        long now = System.nanoTime();
        long ttft = firstTokenNanos < 0 ? -1 : (firstTokenNanos - startNanos) / 1_000_000;
        return new ChatResult(content.toString(), reasoning.toString(), finishReason, usage,
                truncated, stopped, error, ttft, (now - startNanos) / 1_000_000);
    }

    private void markFirstToken() {
        if (firstTokenNanos < 0) {
            firstTokenNanos = System.nanoTime();
        }
    }
}
