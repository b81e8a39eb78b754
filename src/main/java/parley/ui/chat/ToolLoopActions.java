package parley.ui.chat;

import java.util.List;
import parley.api.Choice;
import parley.api.ToolCall;

/**
 * What the transcript asks of the chat when a reply called tools or came as several choices.
 * Throws {@link IllegalArgumentException} or {@link IllegalStateException} with a message for the
 * user when it cannot be done (a reply is still arriving, the reply is gone).
 */
public interface ToolLoopActions {
    /**
     * Sends the reply's tool calls (as edited) with one result per call, in the same order, and asks
     * for the next answer.
     */
    void sendToolResults(String messageId, List<ToolCall> calls, List<String> results);

    /** Keeps {@code choice} as the reply the conversation continues from. */
    void continueWithChoice(String messageId, Choice choice);
}
