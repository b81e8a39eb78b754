package parley.api;

import java.util.List;

/**
 * What a chat request reports while it runs, in the order it arrives. {@link Delta},
 * {@link Reasoning} and {@link Finish} are those of the first choice (index 0); the other choices of
 * a request with {@code n > 1} arrive as {@link ChoiceDelta}. Tool calls and log-probabilities carry
 * the index of their choice.
 */
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

    /**
     * A piece of a choice other than the first ({@code choice >= 1}): reply text, reasoning and finish
     * reason, each null when the piece has none.
     */
    record ChoiceDelta(int choice, String text, String reasoning, String finishReason) implements StreamEvent {}

    /**
     * A piece of tool call {@code index} of a choice: {@code id}, {@code type} and {@code name}
     * usually come in the first piece only (null in the others); {@code arguments} is the next part of
     * the arguments' text (null when the piece has none). Pieces are joined by index in arrival order.
     */
    record ToolCallPiece(int choice, int index, String id, String type, String name, String arguments)
            implements StreamEvent {}

    /** The next tokens of a choice with their log-probabilities ({@code logprobs.content[]}). */
    record Logprobs(int choice, List<TokenLogprob> tokens) implements StreamEvent {
        public Logprobs {
            tokens = List.copyOf(tokens);
        }
    }
}
