package parley.chat;

/**
 * Timings of one reply. {@code ttftMillis} is the time to the first text or reasoning (null when
 * nothing arrived); {@code tokensPerSecond} counts completion tokens over the time after the first
 * token (null when it cannot be told). {@code tokensEstimated}: the provider sent no usage, so the
 * count is the number of pieces that arrived.
 */
public record Metrics(Long ttftMillis, long durationMillis, Integer completionTokens,
                      Double tokensPerSecond, boolean tokensEstimated) {

    static Metrics of(Long ttftMillis, long durationMillis, Integer reportedTokens, int piecesReceived) {
        boolean estimated = reportedTokens == null;
        Integer tokens = estimated ? (piecesReceived > 0 ? piecesReceived : null) : reportedTokens;
        return new Metrics(ttftMillis, durationMillis, tokens, rate(tokens, ttftMillis, durationMillis), estimated);
    }

    private static Double rate(Integer tokens, Long ttftMillis, long durationMillis) {
        if (tokens == null || tokens == 0 || ttftMillis == null) {
            return null;
        }
        long generating = durationMillis - ttftMillis;
        if (generating <= 0) {
            return null;
        }
        return tokens * 1000.0 / generating;
    }
}
