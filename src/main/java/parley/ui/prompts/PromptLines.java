package parley.ui.prompts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import parley.prompt.PromptParams;
import parley.prompt.PromptVersion;

/** How the library window writes a version, a whole prompt and a parameter choice. */
final class PromptLines {
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PromptLines() {}

    /** "v2 · 2026-12-07 16:40 · ada on desk-3 · note". */
    static String version(PromptVersion v) {
        StringBuilder line = new StringBuilder("v" + v.version() + " · " + SHOWN_TIME.format(v.savedAt().atZone(ZoneId.systemDefault())));
        if (!v.author().member().isEmpty()) line.append(" · ").append(v.author().member()).append(" on ").append(v.author().computer());
        if (v.note() != null) line.append(" · ").append(v.note().replace('\n', ' '));
        return line.toString();
    }

    /** The version as text: model, parameters, system text and text. */
    static String whole(PromptVersion v) {
        StringBuilder out = new StringBuilder();
        if (v.model() != null) out.append("model: ").append(v.model()).append('\n');
        if (!v.params().isEmpty()) out.append("params: ").append(PromptParams.json(v.params())).append('\n');
        if (v.system() != null) out.append("--- system\n").append(v.system()).append('\n');
        return out.append("--- text\n").append(v.text()).toString();
    }

    static String parameters(PromptLibraryViewModel.Parameters choice) {
        return switch (choice) {
            case null -> "";
            case PromptLibraryViewModel.Parameters.PromptOwn p -> "with the prompt's model and parameters";
            case PromptLibraryViewModel.Parameters.KeepCurrent k -> "keeping the current model and parameters";
            case PromptLibraryViewModel.Parameters.Preset p -> "with the preset " + p.name();
        };
    }
}
