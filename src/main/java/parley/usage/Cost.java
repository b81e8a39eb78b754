package parley.usage;

import java.math.BigDecimal;

/**
 * Money spent, in US dollars, as a sum that knows what it does not know. {@code known} is the sum of
 * the parts whose price is known; {@code unknownParts} counts the parts whose price is not, so a
 * total that includes an unknown part says so. {@code estimated}: some token counts were estimated.
 */
public record Cost(BigDecimal known, int pricedParts, int unknownParts, boolean estimated) {
    public static final Cost NONE = new Cost(BigDecimal.ZERO, 0, 0, false);

    public static Cost of(BigDecimal amount, boolean estimated) {
        return new Cost(amount, 1, 0, estimated);
    }

    public static Cost unknown(boolean estimated) {
        return new Cost(BigDecimal.ZERO, 0, 1, estimated);
    }

    /** The ledger's form: null amount means the price was unknown. */
    public static Cost fromNullable(BigDecimal amount, boolean estimated) {
        return amount == null ? unknown(estimated) : of(amount, estimated);
    }

    public Cost plus(Cost other) {
        return new Cost(known.add(other.known), pricedParts + other.pricedParts,
                unknownParts + other.unknownParts, estimated || other.estimated);
    }

    /** Nothing in it has a known price. */
    public boolean isUnknown() { return unknownParts > 0 && pricedParts == 0; }

    /** Every part has a known price. */
    public boolean isComplete() { return unknownParts == 0; }

    /** The amount when every part is priced, else null: never a partial sum passed off as the whole. */
    public BigDecimal amountOrNull() { return isComplete() ? known : null; }
}
