package parley.chat;

import parley.api.ChatRequest;

/**
 * Refuses a request that must not leave the app, by throwing {@link IllegalArgumentException}
 * with a message that names the parameter and its allowed range.
 */
@FunctionalInterface
public interface RequestCheck {
    void check(ChatRequest request);
}
