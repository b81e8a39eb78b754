package parley.api;

import java.util.List;

/**
 * How a request ended. {@code content}, {@code reasoning} and {@code finishReason} are those of the
 * first choice; {@code choices} holds every choice by index (one unless {@code n > 1}), each with
 * its tool calls and log-probabilities. All that arrived is kept, also when the request failed or was
 * stopped. {@code truncated}: the stream ended without {@code [DONE]} or a finish reason.
 */
public record ChatResult(String content, String reasoning, String finishReason, Usage usage,
                         boolean truncated, boolean stopped, ApiError error,
                         long ttftMillis, long durationMillis, List<Choice> choices) {
    public ChatResult {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A result with one plain choice (no tool calls, no log-probabilities). */
    public ChatResult(String content, String reasoning, String finishReason, Usage usage, boolean truncated,
                      boolean stopped, ApiError error, long ttftMillis, long durationMillis) {
        this(content, reasoning, finishReason, usage, truncated, stopped, error, ttftMillis, durationMillis, List.of());
    }

    public boolean ok() { return error == null && !truncated && !stopped; }

    /** The first choice's tool calls, empty when none came. */
    public List<ToolCall> toolCalls() { return choices.isEmpty() ? List.of() : choices.getFirst().toolCalls(); }

    /** The first choice's log-probabilities, empty when none came. */
    public List<TokenLogprob> logprobs() { return choices.isEmpty() ? List.of() : choices.getFirst().logprobs(); }
}
