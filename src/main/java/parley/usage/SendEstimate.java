package parley.usage;

/**
 * What a request about to be sent may cost: its prompt tokens (counted here, so estimated), and the
 * cost range from the prompt alone ({@code low}) up to a reply of the full {@code maxTokens} ({@code high}).
 */
public record SendEstimate(long promptTokens, int maxTokens, Cost low, Cost high) {}
