package parley.app;

import java.util.Map;
import parley.api.ReadLimits;
import parley.history.FileLimit;
import parley.store.Settings;

/**
 * The limits on what Parley reads from outside, kept in the settings in whole megabytes: one SSE
 * line ({@code limits.sse_line_mb}, 8), a non-streamed body ({@code limits.body_mb}, 64), a model
 * list ({@code limits.model_list_mb}, 16), a session or import file ({@code limits.file_mb}, 256).
 * The window and the CLI read them alike; a missing or unusable value means the default.
 */
public record InputLimits(ReadLimits reads, long fileBytes) {
    public static final InputLimits DEFAULT = new InputLimits(ReadLimits.DEFAULT, FileLimit.DEFAULT_BYTES);
    /** The largest value a setting may hold, in MB (a limit stays under 2 GB). */
    public static final int MAX_MB = 2047;
    private static final String PREFIX = "limits.";

    /** The limits in the settings (one read of the database: call it off the UI thread). */
    public static InputLimits load(Settings settings) {
        Map<String, String> stored = settings.withPrefix(PREFIX);
        ReadLimits d = ReadLimits.DEFAULT;
        return new InputLimits(new ReadLimits(
                bytes(stored, ReadLimits.SSE_LINE_SETTING, d.sseLineBytes()),
                bytes(stored, ReadLimits.BODY_SETTING, d.bodyBytes()),
                bytes(stored, ReadLimits.MODEL_LIST_SETTING, d.modelListBytes())),
                bytes(stored, FileLimit.SETTING, FileLimit.DEFAULT_BYTES));
    }

    /** Stores a limit of {@code megabytes}; {@link IllegalArgumentException} for a key that is no limit or a value out of range. */
    public static void set(Settings settings, String key, int megabytes) {
        if (!key.equals(ReadLimits.SSE_LINE_SETTING) && !key.equals(ReadLimits.BODY_SETTING)
                && !key.equals(ReadLimits.MODEL_LIST_SETTING) && !key.equals(FileLimit.SETTING)) {
            throw new IllegalArgumentException(key + " is not a limit");
        }
        if (megabytes < 1 || megabytes > MAX_MB) {
            throw new IllegalArgumentException(key + " must be from 1 to " + MAX_MB + " (MB), not " + megabytes);
        }
        settings.putInt(key, megabytes);
    }

    private static long bytes(Map<String, String> stored, String key, long fallback) {
        String value = stored.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int mb = Integer.parseInt(value.strip());
            return mb >= 1 && mb <= MAX_MB ? mb * ReadLimits.MB : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
