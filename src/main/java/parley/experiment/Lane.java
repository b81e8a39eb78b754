package parley.experiment;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The cells of one provider and how many of them may be in flight. It starts at the experiment's
 * limit; a 429 halves it (at least 1) and holds every new start until the wait the server asked for
 * is over; each run of answers as long as the current limit raises it by one again, up to the limit
 * (additive increase, multiplicative decrease). Thread-safe.
 */
final class Lane {
    private static final long SLICE_MILLIS = 100;
    private final String name;
    private final int limit;
    private final LongSupplier nanoClock;
    private final Deque<Cell> queue;
    private int allowed;
    private int running;
    private int answeredSinceSlowdown;
    private long pausedUntil;
    private boolean stopped;
    private int maxRunning;

    Lane(String name, int limit, List<Cell> cells, LongSupplier nanoClock) {
        this.name = name;
        this.limit = limit;
        this.allowed = limit;
        this.queue = new ArrayDeque<>(cells);
        this.nanoClock = nanoClock;
        this.pausedUntil = nanoClock.getAsLong();
    }

    String name() { return name; }

    /**
     * The next cell to start, counted as running; waits while the lane is full or paused. Null when the
     * lane is done (no cell left and none running) or stopped (once none is running).
     */
    synchronized Cell take() throws InterruptedException {
        while (true) {
            if (stopped || queue.isEmpty()) {
                if (running == 0) {
                    return null;
                }
                wait();
                continue;
            }
            long pause = pausedUntil - nanoClock.getAsLong();
            if (pause > 0) {
                // in slices: the clock is the caller's, and a test moves it without a notify
                wait(Math.min(SLICE_MILLIS, Math.max(1, pause / 1_000_000)));
            } else if (running < allowed) {
                running++;
                maxRunning = Math.max(maxRunning, running);
                return queue.poll();
            } else {
                wait();
            }
        }
    }

    /** The provider asked to slow down: fewer in flight, and nothing new before {@code wait} is over. */
    synchronized void slowDown(Duration wait) {
        allowed = Math.max(1, Math.min(allowed, running) / 2);
        answeredSinceSlowdown = 0;
        pausedUntil = Math.max(pausedUntil, nanoClock.getAsLong() + wait.toNanos());
        notifyAll();
    }

    /** A cell of this lane ended (however); an answer may widen the lane again. */
    synchronized void ended(boolean answered) {
        running--;
        if (answered && allowed < limit && ++answeredSinceSlowdown >= allowed) {
            allowed++;
            answeredSinceSlowdown = 0;
        }
        notifyAll();
    }

    /** A cell that was rate-limited goes first again, once the pause is over. */
    synchronized void again(Cell cell) {
        running--;
        queue.addFirst(cell);
        notifyAll();
    }

    /** Starts nothing more; what runs ends on its own (the runner closes it). */
    synchronized List<Cell> stop() {
        stopped = true;
        List<Cell> left = List.copyOf(queue);
        queue.clear();
        notifyAll();
        return left;
    }

    synchronized int allowed() { return allowed; }

    /** The most cells that were in flight at once. */
    synchronized int maxRunning() { return maxRunning; }
}
