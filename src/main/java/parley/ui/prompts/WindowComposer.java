package parley.ui.prompts;

import java.util.LinkedHashMap;
import java.util.Map;
import parley.chat.ChatSettings;
import parley.experiment.ParamValue;
import parley.experiment.SweptParameter;
import parley.preset.ParameterSet;
import parley.prompt.FilledPrompt;
import parley.prompt.PromptDraft;
import parley.ui.WindowContext;

/** The window's composer, system prompt, model and parameter controls as a {@link Composer}. */
final class WindowComposer implements Composer {
    private final WindowContext context;

    WindowComposer(WindowContext context) {
        this.context = context;
    }

    @Override
    public PromptDraft current(String note) {
        ChatSettings s = context.chat().settings();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("max_tokens", s.maxTokens());
        params.put("temperature", s.temperature());
        params.put("top_p", s.topP());
        params.put("frequency_penalty", s.frequencyPenalty());
        params.put("presence_penalty", s.presencePenalty());
        params.put("seed", s.extended().seed());
        params.put("reasoning_effort", s.extended().reasoningEffort());
        return new PromptDraft(context.controls().params().systemPromptProperty().get(),
                context.chatModel().draftProperty().get(), s.model(), params, note);
    }

    @Override
    public void use(FilledPrompt filled, String model, Map<String, Object> params) {
        ChatSettings settings = context.chat().settings();
        for (Map.Entry<String, Object> p : params.entrySet()) {
            ChatSettings before = settings;
            settings = SweptParameter.named(p.getKey()).map(named -> named.applyTo(before, ParamValue.of(p.getValue())))
                    .orElse(before);
        }
        if (model != null) settings = settings.withModel(model);
        context.controls().show(settings.withSystemPrompt(filled.system()));
        context.chatModel().setDraft(filled.text());
    }

    @Override
    public void useTexts(FilledPrompt filled) {
        context.controls().params().setSystemPrompt(filled.system());
        context.chatModel().setDraft(filled.text());
    }

    @Override
    public void useWithPreset(FilledPrompt filled, ParameterSet preset) {
        context.controls().params().apply(preset);
        context.controls().extended().applyPreset(preset.extended());
        useTexts(filled.system() == null ? new FilledPrompt(preset.systemPrompt(), filled.text()) : filled);
    }
}
