package parley.api;

/** A running request. Closing it stops the request; what arrived before stays reported. */
public interface ChatCall extends AutoCloseable {
    /** Blocks until the request has ended, however it ended. */
    ChatResult await() throws InterruptedException;

    boolean isDone();

    /** Stops the request (the user's Stop). Idempotent. */
    @Override
    void close();

    /**
     * Ends the request because the caller's time limit ran out. Unlike {@link #close()} this is a
     * failure, not a stop: the result's error is the last answer the server gave when the request was
     * waiting for a retry (with its {@link ApiError#retries() retries}), else a
     * {@link ApiError.Kind#TIMEOUT}. What arrived stays reported. A backend without retries may
     * simply stop.
     */
    default void timeUp() {
        close();
    }
}
