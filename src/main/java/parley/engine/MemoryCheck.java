package parley.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Whether a model fits in the memory that is free before it is loaded: the file (its weights are
 * mapped whole), the key/value cache of the context at 16 bits a value, and the engine process's own
 * share (its JVM and llama.cpp's work buffers).
 */
public final class MemoryCheck {
    static final long PROCESS_SHARE = 300L << 20;

    private MemoryCheck() {}

    /** Bytes the model needs with this context; the KV cache is estimated from the layers and widths of the header. */
    public static long need(ModelFacts facts, int contextSize) {
        long kv = facts.layers() == null || facts.kvWidth() == null ? 0
                : 2L * facts.layers() * contextSize * facts.kvWidth() * 2;
        return facts.fileSize() + kv + PROCESS_SHARE;
    }

    /** Null when it fits, else one sentence with the figures and what to change. */
    public static String problem(ModelFacts facts, int contextSize, long available) {
        long need = need(facts, contextSize);
        if (need <= available) {
            return null;
        }
        return String.format(Locale.ROOT, "%s needs about %s of memory (the file %s, a context of %d tokens and the "
                        + "engine) and %s is free: close other programs, or choose a smaller model or context.",
                facts.file().getFileName(), size(need), size(facts.fileSize()), contextSize, size(available));
    }

    /** The memory free for a new process: Linux's MemAvailable, else what the OS reports as free. */
    public static long available() {
        OptionalLong linux = memAvailable(Path.of("/proc/meminfo"));
        if (linux.isPresent()) {
            return linux.getAsLong();
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return Long.MAX_VALUE;
    }

    static OptionalLong memAvailable(Path meminfo) {
        try {
            return Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemAvailable:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", Math.max(1, bytes >> 20));
    }
}
