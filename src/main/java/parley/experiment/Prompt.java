package parley.experiment;

import java.util.List;
import parley.api.ChatMessage;

/**
 * What every cell sends before its parameters apply: an optional system message, the conversation so
 * far (empty for a plain prompt) and the user message. Any text may hold {@code {{name}}} variables,
 * filled from the cell's input row.
 */
public record Prompt(String system, List<ChatMessage> history, String user) {
    public Prompt {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static Prompt of(String system, String user) { return new Prompt(system, List.of(), user); }
}
