package parley.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * US dollars per million tokens for one model. {@code cachedInput} is null when the provider has no
 * cheaper rate for prompt tokens served from its cache. {@code asOf} is the day the figures were set.
 */
public record Price(BigDecimal input, BigDecimal output, BigDecimal cachedInput, LocalDate asOf,
                    PriceSource source) {
    public Price {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(source, "source");
        requireNotNegative(input, "input");
        requireNotNegative(output, "output");
        if (cachedInput != null) requireNotNegative(cachedInput, "cached input");
    }

    /** What a model served on this computer costs. */
    public static Price free(LocalDate asOf) {
        return new Price(BigDecimal.ZERO, BigDecimal.ZERO, null, asOf, PriceSource.LOCAL);
    }

    public static Price of(String input, String output, String cachedInput, LocalDate asOf, PriceSource source) {
        return new Price(new BigDecimal(input), new BigDecimal(output),
                cachedInput == null ? null : new BigDecimal(cachedInput), asOf, source);
    }

    /** The price of a prompt token served from cache: the cached rate where there is one, else the input rate. */
    public BigDecimal cachedOrInput() {
        return cachedInput != null ? cachedInput : input;
    }

    private static void requireNotNegative(BigDecimal value, String what) {
        if (value.signum() < 0) throw new IllegalArgumentException("The " + what + " price cannot be negative: " + value);
    }
}
