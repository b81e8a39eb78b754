package parley.ui.context;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Whether a request fits the model's context: the conversation's estimated prompt tokens plus the
 * tokens the reply may take ({@code max_tokens}) against the context length, and how much to cut.
 */
public record ContextLimit(int contextLength, int promptTokens, int maxTokens) {
    public int needed() { return promptTokens + maxTokens; }

    public int excess() { return Math.max(0, needed() - contextLength); }

    public boolean fits() { return excess() == 0; }

    /** The composer's warning, "" when the request fits. */
    public String warning(String model) {
        if (fits()) return "";
        String name = model == null || model.isBlank() ? "The model" : model;
        String reply = maxTokens > 0 ? " plus max_tokens " + number(maxTokens) : "";
        return "The conversation (≈ " + number(promptTokens) + " tokens)" + reply + " passes " + name + "'s context of "
                + number(contextLength) + " tokens: cut about " + number(excess()) + " tokens"
                + (maxTokens > 0 ? " from the conversation or lower max_tokens." : " from the conversation.");
    }

    private static String number(int value) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(value);
    }
}
