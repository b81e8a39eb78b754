package parley.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import parley.api.ChatMessage;
import parley.api.ExtendedParameters;
import parley.api.ToolCall;

/**
 * The conversation's messages as they go into a request. Left out: an empty reply (failed before
 * anything arrived), a tool call no {@code tool} message answers and a {@code tool} message whose call
 * is not in the request, since providers refuse both (a reply then keeps its text without that call).
 * An assistant's reasoning goes back as {@code reasoning_content} only when the request carries tools
 * or the conversation holds a tool call: DeepSeek refuses a tool loop in thinking mode without it and
 * ignores it otherwise, so it is kept out then to keep requests small.
 */
final class WireMessages {
    private WireMessages() {}

    static List<ChatMessage> of(List<Message> messages, ExtendedParameters extended) {
        boolean reasoningBack = extended.tools() != null || messages.stream().anyMatch(Message::hasToolCalls);
        Set<String> answered = answeredCalls(messages);
        Set<String> asked = new HashSet<>();
        List<ChatMessage> wire = new ArrayList<>();
        for (Message m : messages) {
            if (m.isToolResult()) {
                if (asked.contains(m.toolCallId())) {
                    wire.add(m.toWire());
                }
                continue;
            }
            List<ToolCall> calls = answeredOf(m.toolCalls(), answered);
            calls.forEach(c -> asked.add(c.id()));
            if (!m.content().isEmpty() || !calls.isEmpty()) {
                Message sent = calls.size() == m.toolCalls().size() ? m : m.withToolCalls(calls);
                wire.add(sent.toWire(reasoningBack));
            }
        }
        return wire;
    }

    /** The calls that a {@code tool} message answers (a long conversation has mostly none: no copy then). */
    private static List<ToolCall> answeredOf(List<ToolCall> calls, Set<String> answered) {
        return calls.isEmpty() ? calls : calls.stream().filter(c -> answered.contains(c.id())).toList();
    }

    /** The ids of the calls a later {@code tool} message answers. */
    private static Set<String> answeredCalls(List<Message> messages) {
        Set<String> answered = new HashSet<>();
        for (Message m : messages) {
            if (m.isToolResult() && m.toolCallId() != null) {
                answered.add(m.toolCallId());
            }
        }
        return answered;
    }
}
