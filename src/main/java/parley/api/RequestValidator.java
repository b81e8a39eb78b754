package parley.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@link ChatRequest} against the bounds of the provider's schema before anything is sent.
 * Each problem is one line that names the parameter and what it accepts.
 */
public final class RequestValidator {
    private static final Set<String> ROLES = Set.of(ChatMessage.SYSTEM, ChatMessage.USER, ChatMessage.ASSISTANT,
            ChatMessage.TOOL);

    private RequestValidator() {}

    /** The problems of the request, one line each; empty when it may be sent. */
    public static List<String> problems(ChatRequest request) {
        List<String> problems = new ArrayList<>();
        if (request.model() == null || request.model().isBlank()) {
            problems.add("model: required, the ID of the model to use (e.g. deepseek-ai/deepseek-v3.2-speciale)");
        }
        checkMessages(request.messages(), problems);
        if (request.maxTokens() != null && request.maxTokens() < 1) {
            problems.add("max_tokens: must be an integer of at least 1 (was " + request.maxTokens() + ")");
        }
        checkRange("temperature", request.temperature(), 0, 2, problems);
        checkRange("top_p", request.topP(), 0, 1, problems);
        checkRange("frequency_penalty", request.frequencyPenalty(), -2, 2, problems);
        checkRange("presence_penalty", request.presencePenalty(), -2, 2, problems);
        checkStop(request.stop(), problems);
        return List.copyOf(problems);
    }

    private static void checkMessages(List<ChatMessage> messages, List<String> problems) {
        if (messages.isEmpty()) {
            problems.add("messages: at least one message is required");
            return;
        }
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (message == null) {
                problems.add("messages[" + i + "]: must be a message with a role and content");
                continue;
            }
            if (message.role() == null || !ROLES.contains(message.role())) {
                problems.add("messages[" + i + "].role: must be system, user, assistant or tool (was "
                        + quoted(message.role()) + ")");
            }
            boolean calls = message.toolCalls() != null; // an assistant's tool calls may come without text
            if (!calls && (message.content() == null || message.content().isEmpty())) {
                problems.add("messages[" + i + "].content: must not be empty");
            }
            if (ChatMessage.TOOL.equals(message.role()) && (message.toolCallId() == null || message.toolCallId().isBlank())) {
                problems.add("messages[" + i + "].tool_call_id: a tool message must name the call it answers");
            }
        }
    }

    private static void checkRange(String name, Double value, double min, double max, List<String> problems) {
        if (value != null && !(value >= min && value <= max)) {
            problems.add(name + ": must be between " + plain(min) + " and " + plain(max)
                    + " (was " + plain(value) + ")");
        }
    }

    private static void checkStop(List<String> stop, List<String> problems) {
        if (stop == null) {
            return;
        }
        if (stop.size() > ChatRequest.MAX_STOP_SEQUENCES) {
            problems.add("stop: at most " + ChatRequest.MAX_STOP_SEQUENCES + " strings (was " + stop.size() + ")");
        }
        for (int i = 0; i < stop.size(); i++) {
            if (stop.get(i) == null || stop.get(i).isEmpty()) {
                problems.add("stop[" + i + "]: must not be empty");
            }
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value)
                ? Long.toString((long) value) : Double.toString(value);
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }
}
