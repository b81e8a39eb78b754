package parley.engine;

import java.util.List;

/** The engine could not start or stopped; the message says why, with the last lines it wrote. */
public final class EngineException extends Exception {
    private final List<String> lastLines;

    public EngineException(String message, List<String> lastLines) {
        super(message, null, false, false);
        this.lastLines = List.copyOf(lastLines);
    }

    public List<String> lastLines() {
        return lastLines;
    }
}
