package parley.ui.prompts;

import java.util.Map;
import parley.preset.ParameterSet;
import parley.prompt.FilledPrompt;
import parley.prompt.PromptDraft;

/** What the prompt library reads from the composer and puts into it. Called on the FX thread. */
public interface Composer {
    /** The composer's system text, message, model and parameters as a prompt to save, with {@code note}. */
    PromptDraft current(String note);

    /** The texts into the system prompt and the composer; the model (when given) and {@code params} into the controls. */
    void use(FilledPrompt filled, String model, Map<String, Object> params);

    /** The texts only; the model and parameters stay as they are. */
    void useTexts(FilledPrompt filled);

    /** The preset's parameters as loading it does, then the texts (the prompt's system text wins over the preset's). */
    void useWithPreset(FilledPrompt filled, ParameterSet preset);
}
