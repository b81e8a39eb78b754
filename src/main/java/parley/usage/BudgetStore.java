package parley.usage;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import parley.store.Settings;

/** The budget limits, kept in the settings table. A damaged or non-positive value reads as no limit. */
public final class BudgetStore {
    static final String DAILY = "usage.budget.daily_usd";
    static final String MONTHLY = "usage.budget.monthly_usd";
    static final String HARD_STOP = "usage.budget.hard_stop";

    private final Settings settings;

    public BudgetStore(Settings settings) {
        this.settings = settings;
    }

    public BudgetSettings load() {
        return new BudgetSettings(positive(settings.getDecimal(DAILY).orElse(null)),
                positive(settings.getDecimal(MONTHLY).orElse(null)), settings.getBoolean(HARD_STOP, false));
    }

    public void save(BudgetSettings budget) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(DAILY, budget.dailyLimit() == null ? null : budget.dailyLimit().toPlainString());
        entries.put(MONTHLY, budget.monthlyLimit() == null ? null : budget.monthlyLimit().toPlainString());
        entries.put(HARD_STOP, Boolean.toString(budget.hardStop()));
        settings.putAll(entries);
    }

    private static BigDecimal positive(BigDecimal value) {
        return value != null && value.signum() > 0 ? value : null;
    }
}
