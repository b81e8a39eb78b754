package parley.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code parley serve} runs.
 *
 * @param contextSize the context to allocate; 0 for the model's own (capped at {@link #DEFAULT_CONTEXT})
 * @param threads     0 for llama.cpp's choice
 * @param apiKey      the key clients must send, or null (only on loopback)
 * @param idleTimeout end after this long without a request; null for never
 * @param parentPid   end when this process ends or standard input closes; null when run by hand
 */
public record ServeOptions(Path model, String host, int port, int contextSize, int threads, String alias,
                           String apiKey, Duration idleTimeout, Long parentPid, boolean verbose) {
    /** The context allocated when none is asked for and the model's is larger: memory grows with it. */
    public static final int DEFAULT_CONTEXT = 4096;
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The context to allocate for a model whose own is {@code trained} (null when unknown). */
    public int contextFor(Integer trained) {
        if (contextSize > 0) {
            return contextSize;
        }
        return trained == null ? DEFAULT_CONTEXT : Math.min(trained, DEFAULT_CONTEXT);
    }
}
