package parley.log;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last lines of a log file, read from its end (a rotated log is up to 5 MB). */
public final class LogTail {
    private static final int MAX_BYTES = 512 * 1024;

    private LogTail() {}

    /** Up to {@code count} last lines of {@code file}; none when it does not exist or cannot be read. */
    public static List<String> last(Path file, int count) {
        if (file == null || !Files.isRegularFile(file)) return List.of();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            List<String> lines = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
            if (size < length && !lines.isEmpty()) lines.removeFirst(); // cut in the middle
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return List.of();
        }
    }
}
