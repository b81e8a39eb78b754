package parley.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.chat.ChatSettings;

/**
 * The request one cell sends: the experiment's base settings on the cell's model, each swept value in
 * place of the base's (an omitted one left out), and the prompt with the cell's row in its
 * {@code {{variables}}}. The prompt's system message replaces the base's when it has one.
 */
public final class CellRequests {
    private CellRequests() {}

    public static ChatRequest request(Experiment experiment, Cell cell) {
        return settings(experiment, cell).toRequest(messages(experiment.prompt(), cell.vars()));
    }

    /** The settings of the cell: provider, model and parameters, with the system prompt filled in. */
    public static ChatSettings settings(Experiment experiment, Cell cell) {
        Target target = cell.target();
        ChatSettings settings = experiment.base().withProvider(target.provider(), target.baseUrl())
                .withModel(target.model());
        for (Map.Entry<String, ParamValue> swept : cell.params().entrySet()) {
            settings = ParamAxes.parameter(swept.getKey()).applyTo(settings, swept.getValue());
        }
        String system = experiment.prompt().system() != null ? experiment.prompt().system() : settings.systemPrompt();
        return settings.withSystemPrompt(Variables.fill(system, cell.vars().values()));
    }

    /** The history and the user message, variables filled in (the system message comes from the settings). */
    static List<ChatMessage> messages(Prompt prompt, InputRow row) {
        List<ChatMessage> messages = new ArrayList<>(prompt.history().size() + 1);
        for (ChatMessage message : prompt.history()) {
            messages.add(message.content() == null ? message
                    : message.withContent(Variables.fill(message.content(), row.values())));
        }
        if (prompt.user() != null && !prompt.user().isBlank()) {
            messages.add(ChatMessage.user(Variables.fill(prompt.user(), row.values())));
        }
        return messages;
    }
}
