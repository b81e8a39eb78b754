package parley.ui.tools;

import parley.api.ToolChoice;

/** One entry of the {@code tool_choice} list: its label and value (null: not sent, the provider decides). */
public record ToolChoiceOption(String label, ToolChoice choice) {
    public static final ToolChoiceOption NOT_SENT = new ToolChoiceOption("Not sent (provider default)", null);

    static ToolChoiceOption of(ToolChoice choice) {
        if (choice == null) return NOT_SENT;
        if (choice.function() != null) return new ToolChoiceOption("Call " + choice.function(), choice);
        return new ToolChoiceOption(choice.mode(), choice);
    }

    @Override
    public String toString() { return label; }
}
