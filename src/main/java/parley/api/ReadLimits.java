package parley.api;

import java.util.Locale;

/**
 * How much of an answer a client holds: one SSE line (or one event's data), a non-streamed body and
 * a model list. An answer past a limit is refused with a message that names the limit and the
 * setting that raises it; nothing past it is kept.
 */
public record ReadLimits(long sseLineBytes, long bodyBytes, long modelListBytes) {
    public static final long MB = 1L << 20;
    public static final ReadLimits DEFAULT = new ReadLimits(8 * MB, 64 * MB, 16 * MB);
    /** The settings (in MB) that hold the limits, named in the messages. */
    public static final String SSE_LINE_SETTING = "limits.sse_line_mb";
    public static final String BODY_SETTING = "limits.body_mb";
    public static final String MODEL_LIST_SETTING = "limits.model_list_mb";

    public ReadLimits {
        if (sseLineBytes <= 0 || bodyBytes <= 0 || modelListBytes <= 0) {
            throw new IllegalArgumentException("every read limit must be at least one byte");
        }
        if (sseLineBytes > Integer.MAX_VALUE - 8 || bodyBytes > Integer.MAX_VALUE - 8
                || modelListBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a read limit must be under 2 GB");
        }
    }

    /** A size for a message: "8 MB" for whole megabytes, else "1,500 bytes". */
    public static String size(long bytes) {
        return bytes % MB == 0 ? bytes / MB + " MB" : String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    /** The message for an answer past a limit: what it was, the limit, and the setting that raises it. */
    static String refusal(String what, long limit, String setting) {
        return what + " is over the " + size(limit) + " limit; nothing past it was kept (raise the setting "
                + setting + " if the server is right to send that much)";
    }
}
