package parley.log;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import parley.store.KeyMask;

/**
 * The keys this process has used, so that the log masks them wherever they appear: in a message,
 * in an error a server echoed back, in a stack trace. Anything shaped like a key is masked too
 * ({@link KeyMask#redact}).
 */
public final class LogSecrets {
    private static final Set<String> KEYS = ConcurrentHashMap.newKeySet();

    private LogSecrets() {}

    /** Remembers a key the process is about to use; blank or null is ignored. */
    public static void remember(String key) {
        if (key != null && !key.isBlank()) KEYS.add(key);
    }

    /** The keys remembered so far (e.g. for a store that masks them before writing). */
    public static Set<String> known() {
        return Set.copyOf(KEYS);
    }

    /** The text with every remembered key and anything key-shaped masked. */
    public static String redact(String text) {
        return KeyMask.redact(text, KEYS);
    }
}
