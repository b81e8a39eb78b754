package parley.chat;

import parley.api.ApiError;
import parley.api.ChatMessage;

/**
 * One message of a conversation. {@code reasoning} is the model's reasoning ("" when none),
 * {@code error} is set when the reply failed.
 */
public record Message(String id, String role, String content, String reasoning, MessageStatus status,
                      ApiError error) {
    public Message {
        content = content == null ? "" : content;
        reasoning = reasoning == null ? "" : reasoning;
    }

    public boolean isUser() {
        return ChatMessage.USER.equals(role);
    }

    public boolean isAssistant() {
        return ChatMessage.ASSISTANT.equals(role);
    }

    public ChatMessage toWire() {
        return new ChatMessage(role, content);
    }

    Message withText(String newContent, String newReasoning) {
        return new Message(id, role, newContent, newReasoning, status, error);
    }

    Message withContent(String newContent) {
        return new Message(id, role, newContent, reasoning, status, error);
    }

    Message ended(MessageStatus newStatus, ApiError newError) {
        return new Message(id, role, content, reasoning, newStatus, newError);
    }
}
