package parley.chat;

import java.util.List;
import parley.api.ApiError;
import parley.api.ChatMessage;
import parley.api.Choice;
import parley.api.TokenLogprob;
import parley.api.ToolCall;

/**
 * One message of a conversation. {@code reasoning} is the model's reasoning ("" when none),
 * {@code error} is set when the reply failed. An assistant message may carry {@code toolCalls}; a
 * {@code tool} message answers the call {@code toolCallId}, and {@code name} is that call's function.
 * {@code logprobs} are the reply's tokens when they were asked for. With several choices ({@code n > 1})
 * {@code choices} holds them all and {@code chosen} the index of the one that continues the
 * conversation, whose text, reasoning, tool calls and log-probabilities the message shows.
 */
public record Message(String id, String role, String content, String reasoning, MessageStatus status,
                      ApiError error, String name, List<ToolCall> toolCalls, String toolCallId,
                      List<TokenLogprob> logprobs, List<Choice> choices, int chosen) {
    public Message {
        content = content == null ? "" : content;
        reasoning = reasoning == null ? "" : reasoning;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        logprobs = logprobs == null ? List.of() : List.copyOf(logprobs);
        choices = choices == null ? List.of() : List.copyOf(choices);
        chosen = choices.isEmpty() ? 0 : Math.clamp(chosen, 0, choices.size() - 1);
    }

    /** A message without tool calls, log-probabilities or choices. */
    public Message(String id, String role, String content, String reasoning, MessageStatus status, ApiError error) {
        this(id, role, content, reasoning, status, error, null, List.of(), null, List.of(), List.of(), 0);
    }

    /** The result of one tool call, answering {@code call}. */
    static Message toolResult(String id, ToolCall call, String content) {
        return new Message(id, ChatMessage.TOOL, content, "", MessageStatus.COMPLETE, null, call.name(), List.of(),
                call.id(), List.of(), List.of(), 0);
    }

    public boolean isUser() {
        return ChatMessage.USER.equals(role);
    }

    public boolean isAssistant() {
        return ChatMessage.ASSISTANT.equals(role);
    }

    public boolean isToolResult() {
        return ChatMessage.TOOL.equals(role);
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    /** The message as it goes on the wire, without its reasoning. */
    public ChatMessage toWire() {
        return toWire(false);
    }

    /**
     * The message as it goes on the wire; {@code withReasoning} sends an assistant's reasoning back as
     * {@code reasoning_content} (DeepSeek needs it after a tool call in thinking mode).
     */
    public ChatMessage toWire(boolean withReasoning) {
        String reasoningBack = withReasoning && isAssistant() && !reasoning.isEmpty() ? reasoning : null;
        return new ChatMessage(role, content, null, toolCalls.isEmpty() ? null : toolCalls, toolCallId, reasoningBack);
    }

    Message withText(String newContent, String newReasoning) {
        return new Message(id, role, newContent, newReasoning, status, error, name, toolCalls, toolCallId, logprobs,
                choices, chosen);
    }

    Message withContent(String newContent) {
        return new Message(id, role, newContent, reasoning, status, error, name, toolCalls, toolCallId, logprobs,
                choices, chosen);
    }

    Message withToolCalls(List<ToolCall> calls) {
        return new Message(id, role, content, reasoning, status, error, name, calls, toolCallId, logprobs, choices,
                chosen);
    }

    /** The reply's tool calls, log-probabilities and, when more than one came, every choice. */
    Message withResult(List<ToolCall> calls, List<TokenLogprob> tokens, List<Choice> all) {
        return new Message(id, role, content, reasoning, status, error, name, calls, toolCallId, tokens,
                all.size() > 1 ? all : List.of(), 0);
    }

    /** The message showing choice {@code index} of its choices. */
    Message withChosen(int index) {
        Choice choice = choices.get(index);
        return new Message(id, role, nonNull(choice.content()), nonNull(choice.reasoning()), status, error, name,
                choice.toolCalls(), toolCallId, choice.logprobs(), choices, index);
    }

    Message ended(MessageStatus newStatus, ApiError newError) {
        return new Message(id, role, content, reasoning, newStatus, newError, name, toolCalls, toolCallId, logprobs,
                choices, chosen);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
