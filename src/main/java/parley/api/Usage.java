package parley.api;

/**
 * Token counts of one request. {@code completionTokens} already include the reasoning tokens.
 * {@code cachedTokens} are part of {@code promptTokens}. Null where the provider sent nothing.
 */
public record Usage(Integer promptTokens, Integer completionTokens, Integer totalTokens,
                    Integer reasoningTokens, Integer cachedTokens) {
    public static final Usage NONE = new Usage(null, null, null, null, null);
}
