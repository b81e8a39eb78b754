package parley.chat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import parley.api.ChatCall;

/**
 * A reply on its way. {@link #stop()} ends it early, {@link #timeUp()} ends it as failed because a
 * time limit ran out; {@link #await()} waits for its end.
 */
public final class Reply {
    private final String messageId;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile ChatCall call;
    private volatile boolean stopRequested;
    private volatile boolean timeUpRequested;
    private volatile ChatEvent.Ended ended;

    Reply(String messageId) {
        this.messageId = messageId;
    }

    /** The id of the assistant message this reply fills. */
    public String messageId() {
        return messageId;
    }

    /** Stops the reply; what arrived stays in the conversation, marked stopped. */
    public void stop() {
        stopRequested = true;
        ChatCall running = call;
        if (running != null) {
            running.close();
        }
    }

    /**
     * Ends the reply because the caller's time limit ran out: it fails with the last answer the
     * server gave when a retry was pending (and how often it was retried), else with a timeout; what
     * arrived stays in the conversation. See {@link ChatCall#timeUp()}.
     */
    public void timeUp() {
        timeUpRequested = true;
        ChatCall running = call;
        if (running != null) {
            running.timeUp();
        }
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits until the reply has ended and every listener has been told. */
    public ChatEvent.Ended await() throws InterruptedException {
        done.await();
        return ended;
    }

    /** Like {@link #await()}, giving up after {@code timeout}; null when it has not ended by then. */
    public ChatEvent.Ended await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? ended : null;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void attach(ChatCall running) {
        call = running;
        if (stopRequested) {
            running.close();
        } else if (timeUpRequested) {
            running.timeUp();
        }
    }

    void finish(ChatEvent.Ended event) {
        ended = event;
        done.countDown();
    }
}
