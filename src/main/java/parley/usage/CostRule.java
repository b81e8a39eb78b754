package parley.usage;

import java.math.BigDecimal;

/**
 * The price rule: prompt tokens not served from cache at the input price, cached prompt tokens at the
 * cached price where the model has one (else the input price), and completion tokens, which already
 * include the reasoning tokens, at the output price. Prices are per million tokens; the result is exact.
 */
public final class CostRule {
    private CostRule() {}

    public static BigDecimal dollars(Price price, TokenCounts tokens) {
        BigDecimal perMillion = price.input().multiply(BigDecimal.valueOf(tokens.uncachedPrompt()))
                .add(price.cachedOrInput().multiply(BigDecimal.valueOf(tokens.cached())))
                .add(price.output().multiply(BigDecimal.valueOf(tokens.completion())));
        return perMillion.movePointLeft(6).stripTrailingZeros();
    }

    /** The cost of one request; unknown when there is no price, except that nothing used costs nothing. */
    public static Cost cost(Price price, TokenCounts tokens) {
        if (price != null) return Cost.of(dollars(price, tokens), tokens.estimated());
        if (tokens.total() == 0) return Cost.of(BigDecimal.ZERO, tokens.estimated());
        return Cost.unknown(tokens.estimated());
    }
}
