package parley.api;

/** A running request. Closing it stops the request; what arrived before stays reported. */
public interface ChatCall extends AutoCloseable {
    /** Blocks until the request has ended, however it ended. */
    ChatResult await() throws InterruptedException;

    boolean isDone();

    /** Stops the request (the user's Stop). Idempotent. */
    @Override
    void close();
}
