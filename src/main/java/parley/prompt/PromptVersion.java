package parley.prompt;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import parley.experiment.Variables;

/**
 * One stored version of a named prompt: its texts, model and parameters, the note on the change,
 * who saved it and where (empty in the personal library), and when. Versions count from 1.
 */
public record PromptVersion(String name, int version, String system, String text, String model,
                            Map<String, Object> params, String note, Author author, Instant savedAt) {
    public PromptVersion {
        params = PromptParams.sorted(params);
        author = author == null ? Author.PERSONAL : author;
    }

    /** The {@code {{variables}}} of the system text and the text, in order of first appearance. */
    public Set<String> variables() {
        Set<String> names = new java.util.LinkedHashSet<>(Variables.used(system));
        names.addAll(Variables.used(text));
        return names;
    }

    /** The content of this version as a draft, e.g. to save it elsewhere. */
    public PromptDraft draft() {
        return new PromptDraft(system, text, model, params, note);
    }
}
