package parley.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import parley.api.Choice;
import parley.api.TokenLogprob;
import parley.api.ToolCall;
import parley.api.Usage;

/**
 * One message as it is kept in the history and written to an export. For a reply, {@code model},
 * {@code parameters} (the request's parameters besides model and messages, as they went on the
 * wire, the extended ones included) and {@code usage} say how it was made; for a typed message they
 * are null. {@code status} is a {@code MessageStatus} name: COMPLETE, STREAMING, STOPPED, FAILED or
 * TRUNCATED. A reply may hold {@code toolCalls} (as sent back: edited arguments included), its tokens'
 * {@code logprobs}, and with several choices all of them and the {@code chosen} one's position; a
 * {@code tool} message answers {@code toolCallId}, a call of the function {@code name}.
 */
public record SavedMessage(String id, String role, String content, String reasoning, String status,
                           String error, String model, Map<String, Object> parameters, Usage usage,
                           Instant createdAt, String name,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCall> toolCalls, String toolCallId,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TokenLogprob> logprobs,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Choice> choices,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) int chosen) {
    public static final String COMPLETE = "COMPLETE";
    public static final String STREAMING = "STREAMING";

    public SavedMessage {
        content = content == null ? "" : content;
        reasoning = reasoning == null ? "" : reasoning;
        status = status == null ? COMPLETE : status;
        parameters = parameters == null ? null : RequestParameters.copy(parameters);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        logprobs = logprobs == null ? List.of() : List.copyOf(logprobs);
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A message without tool calls, log-probabilities or choices. */
    public SavedMessage(String id, String role, String content, String reasoning, String status, String error,
                        String model, Map<String, Object> parameters, Usage usage, Instant createdAt) {
        this(id, role, content, reasoning, status, error, model, parameters, usage, createdAt, null, List.of(), null,
                List.of(), List.of(), 0);
    }

    /** A message typed by the user (or a system prompt), complete as it is. */
    public static SavedMessage typed(String id, String role, String content, Instant at) {
        return new SavedMessage(id, role, content, "", COMPLETE, null, null, null, null, at);
    }

    public SavedMessage withId(String newId) {
        return new SavedMessage(newId, role, content, reasoning, status, error, model, parameters, usage, createdAt,
                name, toolCalls, toolCallId, logprobs, choices, chosen);
    }

    /** The message with {@code edit} applied to the model's and the user's texts: content, reasoning, tool arguments, choices. */
    SavedMessage withTexts(UnaryOperator<String> edit) {
        return new SavedMessage(id, role, edit.apply(content), edit.apply(reasoning), status, error, model,
                parameters, usage, createdAt, name, calls(toolCalls, edit), toolCallId, logprobs,
                choices.stream().map(c -> new Choice(c.index(), edit.apply(c.content()), edit.apply(c.reasoning()),
                        c.finishReason(), calls(c.toolCalls(), edit), c.logprobs())).toList(), chosen);
    }

    SavedMessage withError(String newError) {
        return new SavedMessage(id, role, content, reasoning, status, newError, model, parameters, usage, createdAt,
                name, toolCalls, toolCallId, logprobs, choices, chosen);
    }

    private static List<ToolCall> calls(List<ToolCall> calls, UnaryOperator<String> edit) {
        return calls.stream().map(c -> new ToolCall(c.id(), c.type(),
                c.function() == null ? null : new ToolCall.Function(c.name(), edit.apply(c.arguments())))).toList();
    }
}
