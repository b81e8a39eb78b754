package parley.log;

import java.util.Locale;

/**
 * Where failures nobody caught end up: each is logged with its stack trace and told to the
 * listener (the window's notice). {@link #install()} makes this the handler of every thread.
 */
public final class Failures {
    private static final Thread.UncaughtExceptionHandler HANDLER = (thread, e) -> report(placeOf(thread, e), e);
    private static volatile FailureListener listener = FailureListener.NONE;

    private Failures() {}

    /** Told about every failure, on the thread that failed. */
    @FunctionalInterface
    public interface FailureListener {
        /** {@code where}: what the user was using, e.g. "Chat" or "the history". */
        void failed(String where, Throwable failure);

        FailureListener NONE = (where, failure) -> { };
    }

    /** Makes uncaught exceptions of every thread (the JavaFX thread too) reach the log and the listener. */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler(HANDLER);
    }

    /** The handler itself, for threads that set their own. */
    public static Thread.UncaughtExceptionHandler handler() {
        return HANDLER;
    }

    public static FailureListener listener() {
        return listener;
    }

    /** Who hears of failures besides the log; null for nobody. */
    public static void setListener(FailureListener newListener) {
        listener = newListener == null ? FailureListener.NONE : newListener;
    }

    /** Logs the failure with its stack trace and tells the listener; never throws. */
    public static void report(String where, Throwable failure) {
        System.Logger log = System.getLogger("parley.failure"); // looked up here: installing costs start-up nothing
        log.log(System.Logger.Level.ERROR, "uncaught failure in " + where, failure);
        try {
            listener.failed(where, failure);
        } catch (RuntimeException | Error e) {
            log.log(System.Logger.Level.ERROR, "the failure notice itself failed", e);
        }
    }

    /**
     * What the user was using when it failed: the Parley class nearest the top of the stack, named
     * as the feature ({@code parley.ui.usage.UsageViewModel} → "Usage"), else the thread's name.
     */
    static String placeOf(Thread thread, Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("parley.") && !frame.getClassName().startsWith("parley.log.")) {
                return featureName(frame.getClassName());
            }
        }
        String name = thread.getName();
        return name == null || name.isBlank() ? "a background task" : name;
    }

    /** {@code parley.ui.usage.UsageViewModel$1} → "Usage"; {@code parley.cli.SendCommand} → "Send". */
    public static String featureName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        if (nested > 0) simple = simple.substring(0, nested);
        for (String suffix : new String[] {"ViewModel", "Feature", "Command", "Panel", "View"}) {
            if (simple.endsWith(suffix) && simple.length() > suffix.length()) {
                return simple.substring(0, simple.length() - suffix.length());
            }
        }
        return simple.isEmpty() ? className.toLowerCase(Locale.ROOT) : simple;
    }
}
