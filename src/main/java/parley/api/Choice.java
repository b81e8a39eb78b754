package parley.api;

import java.util.List;

/**
 * One of the {@code n} replies of a request, by its index. {@code toolCalls} and {@code logprobs}
 * are empty when none came.
 */
public record Choice(int index, String content, String reasoning, String finishReason,
                     List<ToolCall> toolCalls, List<TokenLogprob> logprobs) {
    public Choice {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        logprobs = logprobs == null ? List.of() : List.copyOf(logprobs);
    }
}
