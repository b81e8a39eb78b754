package parley.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sums of ledger rows: grouped totals and cost per day by model. Pure functions. */
public final class UsageReport {
    private UsageReport() {}

    /** One total per key, in key order (days oldest first). */
    public static List<UsageTotal> group(List<LedgerEntry> entries, GroupBy by) {
        Map<String, UsageTotal> totals = new TreeMap<>();
        for (LedgerEntry e : entries) {
            String key = by.keyOf(e);
            totals.put(key, totals.getOrDefault(key, UsageTotal.empty(key)).plus(e));
        }
        return new ArrayList<>(totals.values());
    }

    /**
     * Known cost per day, per model, days in order. Unknown parts are left out of the amounts; the
     * {@code unknown} map says which days have some, so a chart can say so.
     */
    public static DailyCosts dailyCostsByModel(List<LedgerEntry> entries) {
        Map<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
        Map<LocalDate, Integer> unknown = new TreeMap<>();
        for (LedgerEntry e : entries) {
            Map<String, BigDecimal> models = days.computeIfAbsent(e.day(), d -> new LinkedHashMap<>());
            if (e.costUsd() == null) {
                unknown.merge(e.day(), 1, Integer::sum);
                models.putIfAbsent(e.model(), BigDecimal.ZERO);
            } else {
                models.merge(e.model(), e.costUsd(), BigDecimal::add);
            }
        }
        return new DailyCosts(days, unknown);
    }

    /** Cost per day per model; {@code unknownByDay} counts requests with no known price on each day. */
    public record DailyCosts(Map<LocalDate, Map<String, BigDecimal>> byDay, Map<LocalDate, Integer> unknownByDay) {
        public List<String> models() {
            return byDay.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
        }
    }
}
