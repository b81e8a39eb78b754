package parley.usage;

import java.math.BigDecimal;

/**
 * Spending limits in US dollars; a null limit is no limit. {@code hardStop}: a send that would go
 * past a limit is refused; otherwise the user is asked to confirm it.
 */
public record BudgetSettings(BigDecimal dailyLimit, BigDecimal monthlyLimit, boolean hardStop) {
    public static final BudgetSettings NONE = new BudgetSettings(null, null, false);

    public BudgetSettings {
        if (dailyLimit != null && dailyLimit.signum() <= 0) throw new IllegalArgumentException("The daily limit must be above zero");
        if (monthlyLimit != null && monthlyLimit.signum() <= 0) throw new IllegalArgumentException("The monthly limit must be above zero");
    }

    public boolean any() { return dailyLimit != null || monthlyLimit != null; }
}
