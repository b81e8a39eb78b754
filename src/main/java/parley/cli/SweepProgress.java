package parley.cli;

import java.io.PrintStream;
import java.util.Locale;
import parley.experiment.ExperimentEvent;

/**
 * The live progress line of {@code parley sweep} on standard error, rewritten in place at most ten
 * times a second: cells done of all, running, failed, elapsed and the estimated rest.
 */
final class SweepProgress {
    private static final long EVERY_NANOS = 100_000_000L;
    private final PrintStream err;
    private long lastPrint;
    private int width;
    private ExperimentEvent.Progress last;

    SweepProgress(PrintStream err) {
        this.err = err;
    }

    void accept(ExperimentEvent event) {
        if (!(event instanceof ExperimentEvent.Progress progress)) {
            return;
        }
        last = progress;
        long now = System.nanoTime();
        if (now - lastPrint >= EVERY_NANOS || progress.done() == progress.total()) {
            lastPrint = now;
            print(progress);
        }
    }

    static String line(ExperimentEvent.Progress p) {
        return p.done() + "/" + p.total() + " done, " + p.running() + " running, " + p.failed() + " failed, "
                + seconds(p.elapsedMillis()) + (p.etaMillis() == null || p.done() == p.total() ? ""
                : ", about " + seconds(p.etaMillis()) + " left");
    }

    private void print(ExperimentEvent.Progress progress) {
        String line = line(progress);
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    /** Ends the line, with the last counts. */
    void end() {
        if (last != null) {
            print(last);
            err.println();
            err.flush();
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
