package parley.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import parley.api.ReadLimits;

/**
 * The largest session or import file Parley reads. A larger file is refused before any of it is
 * read, with a message that names the limit and the setting that raises it.
 */
public final class FileLimit {
    public static final long DEFAULT_BYTES = 256 * ReadLimits.MB;
    /** The setting (in MB) that holds the limit. */
    public static final String SETTING = "limits.file_mb";

    private FileLimit() {}

    /** The file's text; {@link FileFormatException} when it is larger than {@code maxBytes}. */
    public static String readText(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new FileFormatException(file.getFileName() + " is " + ReadLimits.size(size) + ", over the "
                    + ReadLimits.size(maxBytes) + " limit for session and import files: raise the setting "
                    + SETTING + " to read it.");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
