package parley.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import parley.experiment.Variables;

/** A version's system text and text with values put in for its {@code {{variables}}}. */
public record FilledPrompt(String system, String text) {
    /** Fills every variable of {@code version}; one without a value is refused, naming each missing one. */
    public static FilledPrompt of(PromptVersion version, Map<String, String> values) {
        List<String> missing = new ArrayList<>();
        for (String name : version.variables()) {
            if (!values.containsKey(name)) missing.add(name);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("No value for {{" + String.join("}}, {{", missing) + "}}: give "
                    + (missing.size() == 1 ? "it" : "each") + " a value.");
        }
        return new FilledPrompt(Variables.fill(version.system(), values), Variables.fill(version.text(), values));
    }
}
