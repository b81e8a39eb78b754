package parley.provider;

import java.math.BigDecimal;

/**
 * One model of a provider's list. Prices are US dollars per million tokens, null when unknown;
 * {@code contextLength} is null when unknown.
 */
public record ModelInfo(String id, String displayName, boolean ready, BigDecimal inputPrice,
                        BigDecimal outputPrice, BigDecimal cachedInputPrice, Integer contextLength) {
    public static ModelInfo of(String id) {
        return new ModelInfo(id, id, true, null, null, null, null);
    }
}
