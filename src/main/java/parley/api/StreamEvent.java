package parley.api;

/** What a chat request reports while it runs, in the order it arrives. */
public sealed interface StreamEvent {
    /** A piece of the reply text. */
    record Delta(String text) implements StreamEvent {}
    /** A piece of the model's reasoning. */
    record Reasoning(String text) implements StreamEvent {}
    /** Token counts; a later Usage replaces an earlier one, never adds to it. */
    record Usage(parley.api.Usage usage) implements StreamEvent {}
    /** The finish reason of the choice: stop, length, content_filter, tool_calls. */
    record Finish(String reason) implements StreamEvent {}
    /** The request failed; what arrived before stays valid. */
    record Error(ApiError error) implements StreamEvent {}
}
