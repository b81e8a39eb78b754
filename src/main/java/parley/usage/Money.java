package parley.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How amounts of money are shown: dollars, more decimals for small amounts, estimates and unknowns said plainly. */
public final class Money {
    public static final String UNKNOWN = "price unknown";
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal SMALLEST = new BigDecimal("0.000001");

    private Money() {}

    public static String format(BigDecimal amount) {
        BigDecimal abs = amount.abs();
        if (abs.signum() != 0 && abs.compareTo(SMALLEST) < 0) return "<$0.000001";
        int scale = abs.compareTo(BigDecimal.ONE) >= 0 ? 2 : abs.compareTo(CENT) >= 0 ? 4 : 6;
        if (abs.signum() == 0) scale = 2;
        return "$" + amount.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** "$0.0012", "≈ $0.0012" when estimated, "price unknown", or "$0.0012 + unknown" for a partial total. */
    public static String format(Cost cost) {
        if (cost.isUnknown()) return UNKNOWN;
        String amount = (cost.estimated() ? "≈ " : "") + format(cost.known());
        return cost.isComplete() ? amount : amount + " + unknown";
    }

    /** Parses a dollar amount typed by a person ("0.40", "$1.2"); null when it is not a non-negative number. */
    public static BigDecimal parse(String text) {
        if (text == null) return null;
        String s = text.strip();
        if (s.startsWith("$")) s = s.substring(1).strip();
        try {
            BigDecimal value = new BigDecimal(s);
            return value.signum() < 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
