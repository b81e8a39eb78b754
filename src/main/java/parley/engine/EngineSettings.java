package parley.engine;

import java.time.Duration;

/**
 * How the app runs its engine.
 *
 * @param contextSize 0 for the model's own context, at most {@link ServeOptions#DEFAULT_CONTEXT}
 * @param threads     0 for llama.cpp's choice
 * @param idleTimeout end the engine after this long without a request (null: never); it starts
 *                    again on the next request
 */
public record EngineSettings(int contextSize, int threads, Duration idleTimeout) {
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);
    public static final EngineSettings DEFAULT = new EngineSettings(0, 0, DEFAULT_IDLE);
}
