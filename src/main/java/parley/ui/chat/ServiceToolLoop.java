package parley.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import parley.api.Choice;
import parley.api.ToolCall;
import parley.chat.ChatService;
import parley.chat.Message;
import parley.chat.ToolResult;

/**
 * The tool loop and the choice of a reply over the chat service: the one place that turns the
 * transcript's "Send results" and "Continue with this one" into the service's calls.
 */
final class ServiceToolLoop implements ToolLoopActions {
    private final ChatService service;

    ServiceToolLoop(ChatService service) {
        this.service = service;
    }

    /** One result per call; arguments the user edited go back as edited, the others as the model sent them. */
    @Override
    public void sendToolResults(String messageId, List<ToolCall> calls, List<String> results) {
        if (calls.size() != results.size()) {
            throw new IllegalArgumentException("Every tool call needs one result: " + calls.size() + " calls, "
                    + results.size() + " results.");
        }
        Message reply = reply(messageId);
        List<ToolResult> answers = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            String sent = reply.toolCalls().stream().filter(c -> Objects.equals(c.id(), call.id()))
                    .map(ToolCall::arguments).findFirst().orElse(null);
            String edited = Objects.equals(sent, call.arguments()) ? null : call.arguments();
            answers.add(new ToolResult(call.id(), edited, results.get(i)));
        }
        service.sendToolResults(answers);
    }

    @Override
    public void continueWithChoice(String messageId, Choice choice) {
        List<Choice> choices = reply(messageId).choices();
        int position = choices.indexOf(choice);
        service.pickChoice(messageId, position >= 0 ? position : choice.index());
    }

    private Message reply(String messageId) {
        return service.conversation().find(messageId)
                .orElseThrow(() -> new IllegalArgumentException("That reply is no longer in the chat."));
    }
}
