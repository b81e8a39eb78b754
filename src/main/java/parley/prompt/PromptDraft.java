package parley.prompt;

import java.util.Map;
import java.util.Objects;

/**
 * What a save holds: an optional system text, the text with its {@code {{variables}}}, an optional
 * model, the request parameters (API names to numbers, strings or booleans) and a note on the change.
 */
public record PromptDraft(String system, String text, String model, Map<String, Object> params, String note) {
    public PromptDraft {
        system = blankToNull(system);
        text = text == null ? "" : text;
        model = blankToNull(model == null ? null : model.strip());
        params = PromptParams.sorted(params);
        note = blankToNull(note == null ? null : note.strip());
    }

    /** True when this draft and {@code version} would send the same request: the note is not compared. */
    public boolean sameContentAs(PromptVersion version) {
        return Objects.equals(system, version.system()) && text.equals(version.text())
                && Objects.equals(model, version.model())
                && PromptParams.json(params).equals(PromptParams.json(version.params()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
