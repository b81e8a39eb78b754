package parley.ui.chat;

import java.util.ArrayList;
import java.util.List;
import parley.api.ChatMessage;
import parley.api.Choice;
import parley.api.ToolCall;
import parley.chat.ChatService;
import parley.chat.Message;

/**
 * The tool loop and the choice of a reply over the chat service: the one place that turns the
 * transcript's "Send results" and "Continue with this one" into the service's calls.
 */
final class ServiceToolLoop implements ToolLoopActions {
    private final ChatService service;

    ServiceToolLoop(ChatService service) {
        this.service = service;
    }

    /**
     * The next request carries the reply as an assistant message with its tool calls (and its
     * reasoning, which DeepSeek needs back after a tool call in thinking mode), then one tool
     * message per call.
     */
    @Override
    public void sendToolResults(String messageId, List<ToolCall> calls, List<String> results) {
        if (calls.size() != results.size()) {
            throw new IllegalArgumentException("Every tool call needs one result: " + calls.size() + " calls, "
                    + results.size() + " results.");
        }
        Message reply = service.conversation().find(messageId)
                .orElseThrow(() -> new IllegalArgumentException("That reply is no longer in the chat."));
        List<ChatMessage> turn = new ArrayList<>(calls.size() + 1);
        turn.add(ChatMessage.assistantCalls(emptyAsNull(reply.content()), calls, emptyAsNull(reply.reasoning())));
        for (int i = 0; i < calls.size(); i++) {
            turn.add(ChatMessage.toolResult(calls.get(i).id(), results.get(i)));
        }
        service.continueAfter(messageId, turn);
    }

    @Override
    public void continueWithChoice(String messageId, Choice choice) {
        service.keepReply(messageId, choice.content(), choice.reasoning());
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
