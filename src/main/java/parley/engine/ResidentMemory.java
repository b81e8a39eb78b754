package parley.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** How much memory a process holds, where the system says (Linux's {@code /proc/PID/status}). */
public final class ResidentMemory {
    private ResidentMemory() {}

    /** The process's resident set in bytes; empty where the system does not tell. */
    public static OptionalLong of(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").strip();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process has gone: unknown
        }
        return OptionalLong.empty();
    }
}
