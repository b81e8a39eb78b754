package parley.chat;

import parley.api.ChatRequest;

/**
 * Shapes the request that settings make before it is shown, sent and turned into code, e.g. leaves
 * out the parameters the chosen model refuses. Called on any thread: it must not block.
 */
@FunctionalInterface
public interface RequestFilter {
    /** Leaves every request as the settings made it. */
    RequestFilter NONE = (settings, request) -> request;

    ChatRequest apply(ChatSettings settings, ChatRequest request);
}
