package parley.usage;

import parley.api.Usage;

/**
 * The tokens of one request. {@code cached} is part of {@code prompt}; {@code reasoning} is part of
 * {@code completion}. {@code estimated}: some counts were not reported by the provider but counted here.
 */
public record TokenCounts(long prompt, long completion, long reasoning, long cached, boolean estimated) {
    public static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0, false);

    public TokenCounts {
        if (prompt < 0 || completion < 0 || reasoning < 0 || cached < 0) {
            throw new IllegalArgumentException("Token counts cannot be negative");
        }
        cached = Math.min(cached, prompt);
        reasoning = Math.min(reasoning, completion);
    }

    /** The counts as reported, or null when the provider did not report both prompt and completion. */
    public static TokenCounts reported(Usage usage) {
        if (usage == null || usage.promptTokens() == null || usage.completionTokens() == null) return null;
        return new TokenCounts(usage.promptTokens(), usage.completionTokens(),
                orZero(usage.reasoningTokens()), orZero(usage.cachedTokens()), false);
    }

    public long uncachedPrompt() { return prompt - cached; }

    public long total() { return prompt + completion; }

    public TokenCounts plus(TokenCounts other) {
        return new TokenCounts(prompt + other.prompt, completion + other.completion,
                reasoning + other.reasoning, cached + other.cached, estimated || other.estimated);
    }

    private static long orZero(Integer value) { return value == null ? 0 : value; }
}
