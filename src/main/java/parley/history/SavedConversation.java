package parley.history;

import java.time.Instant;
import java.util.List;

/**
 * A conversation as it is kept: its messages in order, with where it was held (provider, model)
 * and the system prompt it started with. {@code branchedFrom} names the conversation it was
 * branched from, or is null.
 */
public record SavedConversation(String id, String title, String provider, String model, String systemPrompt,
                                String branchedFrom, Instant createdAt, Instant updatedAt,
                                List<SavedMessage> messages) {
    public SavedConversation {
        title = title == null ? "" : title;
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public SavedConversation withId(String newId) {
        return new SavedConversation(newId, title, provider, model, systemPrompt, branchedFrom, createdAt,
                updatedAt, messages);
    }

    public SavedConversation withMessages(List<SavedMessage> newMessages) {
        return new SavedConversation(id, title, provider, model, systemPrompt, branchedFrom, createdAt,
                updatedAt, newMessages);
    }
}
