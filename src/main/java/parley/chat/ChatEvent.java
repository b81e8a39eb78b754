package parley.chat;

import parley.api.ApiError;
import parley.api.ChatRequest;
import parley.api.Usage;

/**
 * What a {@link ChatService} reports about a reply, in order, on a background thread: Started,
 * then any Text, Reasoning, UsageReported, Finished or Failed, and always exactly one Ended.
 * Between replies, ChoicePicked tells that another of a reply's choices continues the conversation.
 */
public sealed interface ChatEvent {
    String messageId();

    /** The request went out; {@code messageId} is the reply's (empty, streaming) message. */
    record Started(String conversationId, String messageId, ChatRequest request) implements ChatEvent {}

    /** A piece of the reply text. */
    record Text(String messageId, String text) implements ChatEvent {}

    /** A piece of the model's reasoning. */
    record Reasoning(String messageId, String text) implements ChatEvent {}

    /** Token counts; a later report replaces an earlier one. */
    record UsageReported(String messageId, Usage usage) implements ChatEvent {}

    /** The provider's finish reason: stop, length, content_filter, tool_calls. */
    record Finished(String messageId, String reason) implements ChatEvent {}

    /** The request failed; what arrived before stays in the message. */
    record Failed(String messageId, ApiError error) implements ChatEvent {}

    /** Choice {@code position} (0-based) of a reply's choices now continues the conversation; {@code message} shows it. */
    record ChoicePicked(String messageId, int position, Message message) implements ChatEvent {}

    /** The reply is over, however it ended; {@code message} is its final state. */
    record Ended(String messageId, Outcome outcome, Metrics metrics, Message message, ExchangeRecord record)
            implements ChatEvent {}
}
