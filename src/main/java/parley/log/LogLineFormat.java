package parley.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One line per event: local time with milliseconds, level, thread, source, message; then the stack
 * trace, if any. Every key is masked ({@link LogSecrets}). Formatting runs on the thread that
 * logged, so the thread's name is the current one.
 */
public final class LogLineFormat extends Formatter {
    /** Built at the first line, not when the log is opened: java.time's set-up costs start-up time. */
    private static final class Time {
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(Time.FORMAT.format(record.getInstant())).append(' ')
                .append(levelName(record.getLevel())).append(" [")
                .append(threadName()).append("] ")
                .append(source(record)).append(": ")
                .append(formatMessage(record).replace('\n', ' ').replace('\r', ' '))
                .append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return LogSecrets.redact(line.toString());
    }

    /** Virtual threads of the background executor have no name: their number then. */
    private static String threadName() {
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        return name.isEmpty() ? (thread.isVirtual() ? "virtual-" : "thread-") + thread.threadId() : name;
    }

    /** The names System.Logger uses, which say more than java.util.logging's FINE and SEVERE. */
    static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) return "ERROR";
        if (value >= Level.WARNING.intValue()) return "WARN ";
        if (value >= Level.INFO.intValue()) return "INFO ";
        if (value >= Level.FINE.intValue()) return "DEBUG";
        return "TRACE";
    }

    private static String source(LogRecord record) {
        String name = record.getLoggerName() != null ? record.getLoggerName() : record.getSourceClassName();
        if (name == null) return "-";
        return name.startsWith("parley.") ? name.substring("parley.".length()) : name;
    }
}
