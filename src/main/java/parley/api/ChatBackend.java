package parley.api;

import java.util.function.Consumer;

/**
 * Something that answers chat requests: a remote or local OpenAI-compatible server
 * ({@link ChatClient}) or the embedded engine. Events are delivered on a background thread, in order.
 */
public interface ChatBackend extends AutoCloseable {
    /**
     * Starts the request and returns at once. Streaming or not is decided by {@code request.stream()};
     * a non-streaming answer is reported through the same events (Delta, Reasoning, Usage, Finish).
     */
    ChatCall start(ChatRequest request, Consumer<StreamEvent> events);

    @Override
    default void close() {}
}
