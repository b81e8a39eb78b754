package parley.log;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.ErrorManager;

/**
 * A log that cannot be written (a read-only folder, a full disk) does not stop the app: the first
 * failure is told to the listener once (the window's notice, the command line's stderr), later
 * ones are dropped.
 */
public final class LogTrouble extends ErrorManager {
    private final AtomicBoolean told = new AtomicBoolean();
    private volatile Consumer<String> listener = message -> { };
    private volatile String first;

    /** Tells {@code listener} about the trouble, at once when there already was some. */
    public void onTrouble(Consumer<String> listener) {
        this.listener = listener;
        String already = first;
        if (already != null) listener.accept(already);
    }

    /** The first trouble, or null. */
    public String first() {
        return first;
    }

    /** Called by the file handler; says what failed in a sentence a user can act on. */
    public void report(String what) {
        if (told.compareAndSet(false, true)) {
            first = what;
            listener.accept(what);
        }
    }

    @Override
    public void error(String msg, Exception ex, int code) {
        String reason = ex == null || ex.getMessage() == null ? (ex == null ? msg : ex.toString()) : ex.getMessage();
        report("The log file cannot be written (" + reason + "); Parley goes on without it.");
    }
}
