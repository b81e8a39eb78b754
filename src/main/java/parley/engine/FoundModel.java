package parley.engine;

import java.nio.file.Path;

/**
 * A GGUF file found on this computer.
 *
 * @param source  where it was found: Parley, LM Studio, Ollama, Hugging Face
 * @param name    how that place names it (Ollama's {@code model:tag}, Hugging Face's {@code org/repo/file})
 * @param facts   its header's facts, or null when the header could not be read
 * @param problem why the header could not be read, or null
 */
public record FoundModel(String source, String name, Path file, ModelFacts facts, String problem) {
    /** Whether the built-in engine can run it. */
    public boolean runnable() {
        return facts != null && facts.loadable();
    }
}
