package parley.api;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One daemon thread that runs the idle-read checks of every request. */
final class Watchdog {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "parley-idle-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private Watchdog() {}

    static ScheduledFuture<?> schedule(Runnable check, long delayNanos) {
        return TIMER.schedule(check, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }
}
