package parley.log;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log of this process, in {@code DATA/logs}: the window writes {@code parley.log}, the command
 * line {@code cli.log}, each rotated at 5 MB over 5 files. Everything logged through
 * {@link System.Logger}, java.util.logging or SLF4J (sqlite-jdbc) ends up there, one line per event.
 * Starting it opens the file and nothing more; the window starts it on a thread of its own
 * ({@link #startInBackground}), so its first frame does not wait for it.
 */
public final class AppLog implements AutoCloseable {
    public static final String FOLDER = "logs";
    public static final String WINDOW = "parley";
    public static final String CLI = "cli";
    public static final long FILE_LIMIT = 5L * 1024 * 1024;
    public static final int FILES = 5;

    private static volatile AppLog current;
    private static final List<Consumer<AppLog>> whenStarted = new ArrayList<>();

    private final RotatingFileHandler handler;
    private final LogTrouble trouble;

    private AppLog(RotatingFileHandler handler, LogTrouble trouble) {
        this.handler = handler;
        this.trouble = trouble;
    }

    /** The log named {@code name} ({@link #WINDOW} or {@link #CLI}) in the data folder's {@code logs}. */
    public static AppLog start(Path dataFolder, String name) {
        return start(dataFolder.resolve(FOLDER), name, FILE_LIMIT, FILES);
    }

    /**
     * Routes the root logger to {@code folder/NAME.log} instead of the console (nobody reads the
     * console of an app started from a menu) and becomes {@link #current()}. Never throws: a log
     * that cannot be written is told through {@link #trouble()}.
     */
    public static synchronized AppLog start(Path folder, String name, long limitBytes, int files) {
        if (current != null) current.close();
        LogTrouble trouble = new LogTrouble();
        RotatingFileHandler handler = RotatingFileHandler.open(folder, name, limitBytes, files, trouble);
        Logger root = Logger.getLogger("");
        for (Handler console : root.getHandlers()) root.removeHandler(console);
        root.setLevel(Level.INFO);
        root.addHandler(handler);
        current = new AppLog(handler, trouble);
        whenStarted.forEach(action -> action.accept(current));
        whenStarted.clear();
        return current;
    }

    /**
     * Starts the log on a thread of its own, so that opening it costs the window's first frame
     * nothing; lines logged before it is open go to the console, as without it.
     */
    public static void startInBackground(Path dataFolder, String name) {
        Thread.ofPlatform().name("log-start").daemon().start(() -> start(dataFolder, name));
    }

    /** Runs {@code action} with the log once it is open: at once if it is, else when it opens. */
    public static synchronized void whenStarted(Consumer<AppLog> action) {
        if (current != null) action.accept(current);
        else whenStarted.add(action);
    }

    /** The log this process writes, if one was started. */
    public static Optional<AppLog> current() {
        return Optional.ofNullable(current);
    }

    public Path folder() {
        return handler.folder();
    }

    /** The file being written; empty when the log could not be opened. */
    public Optional<Path> file() {
        return Optional.ofNullable(handler.file());
    }

    public LogTrouble trouble() {
        return trouble;
    }

    /**
     * Also prints every line logged from now until the returned handle is closed to {@code err}
     * ({@code --verbose}); works whether or not a file log was started.
     */
    public static Echo echoTo(PrintStream err) {
        LogLineFormat format = new LogLineFormat();
        Handler echo = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (!isLoggable(record)) return;
                err.print(format.format(record));
                err.flush();
            }

            @Override public void flush() { err.flush(); }
            @Override public void close() { }
        };
        Logger root = Logger.getLogger("");
        if (root.getLevel() == null || root.getLevel().intValue() > Level.INFO.intValue()) root.setLevel(Level.INFO);
        for (Handler console : root.getHandlers()) {
            if (console instanceof java.util.logging.ConsoleHandler) root.removeHandler(console);
        }
        root.addHandler(echo);
        return () -> root.removeHandler(echo);
    }

    /** Stops echoing the log to standard error. */
    public interface Echo extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public synchronized void close() {
        Logger.getLogger("").removeHandler(handler);
        handler.close();
        synchronized (AppLog.class) {
            if (current == this) current = null;
        }
    }
}
