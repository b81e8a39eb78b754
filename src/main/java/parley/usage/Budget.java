package parley.usage;

import java.math.BigDecimal;

/**
 * Checks spending against the daily and monthly limits: a warning once 80% of a limit is spent, and
 * before a send whose upper cost estimate would go past a limit, a confirmation or a hard stop.
 * Only known costs count; a request whose price is unknown cannot be checked, and the message says so.
 */
public final class Budget {
    static final BigDecimal WARN_AT = new BigDecimal("0.8");

    private Budget() {}

    /** Where spending stands, without a send in view: OK or WARNING. */
    public static BudgetCheck status(BudgetSettings settings, Cost spentToday, Cost spentMonth) {
        return limit("today", settings.dailyLimit(), spentToday, Cost.NONE, settings.hardStop())
                .worst(limit("this month", settings.monthlyLimit(), spentMonth, Cost.NONE, settings.hardStop()));
    }

    /** The verdict on sending a request whose cost may reach {@code upper}. */
    public static BudgetCheck beforeSend(BudgetSettings settings, Cost spentToday, Cost spentMonth, Cost upper) {
        BudgetCheck check = limit("today", settings.dailyLimit(), spentToday, upper, settings.hardStop())
                .worst(limit("this month", settings.monthlyLimit(), spentMonth, upper, settings.hardStop()));
        if (check.verdict() == BudgetCheck.Verdict.OK && settings.any() && !upper.isComplete()) {
            return new BudgetCheck(BudgetCheck.Verdict.WARNING,
                    "The price of this model is unknown, so this request cannot be checked against the budget.");
        }
        return check;
    }

    private static BudgetCheck limit(String period, BigDecimal limit, Cost spent, Cost upper, boolean hardStop) {
        if (limit == null) return BudgetCheck.OK;
        BigDecimal projected = spent.known().add(upper.known());
        if (upper.known().signum() > 0 && projected.compareTo(limit) > 0) {
            String message = "This request could bring the spending of " + period + " to " + Money.format(projected)
                    + ", past the limit of " + Money.format(limit)
                    + (hardStop ? ": raise the limit or lower max_tokens to send it." : ".");
            return new BudgetCheck(hardStop ? BudgetCheck.Verdict.BLOCK : BudgetCheck.Verdict.CONFIRM, message);
        }
        if (spent.known().compareTo(limit.multiply(WARN_AT)) >= 0) {
            return new BudgetCheck(BudgetCheck.Verdict.WARNING, "Spending of " + period + " is "
                    + Money.format(spent.known()) + ", " + percent(spent.known(), limit) + " of the limit of "
                    + Money.format(limit) + ".");
        }
        return BudgetCheck.OK;
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, java.math.RoundingMode.DOWN) + "%";
    }
}
