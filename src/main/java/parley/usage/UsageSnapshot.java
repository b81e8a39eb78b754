package parley.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of the usage panel read at one time: totals, the grouped table, the cost chart and the
 * filter choices. {@code problem} is null when they were just read; else it says why they are the
 * last ones read (the team's workspace is away).
 */
public record UsageSnapshot(UsageOverview overview, List<UsageTotal> groups, UsageReport.DailyCosts daily,
                            List<String> providers, List<String> models, String problem) {
    public static final UsageSnapshot EMPTY = new UsageSnapshot(new UsageOverview(UsageTotal.empty("conversation"),
            UsageTotal.empty("today"), UsageTotal.empty("month"), UsageTotal.empty("all time"), BudgetCheck.OK),
            List.of(), new UsageReport.DailyCosts(Map.of(), Map.of()), List.of(), List.of(), null);

    /** These figures as the last ones read, for the reason given. */
    public UsageSnapshot stale(String reason) {
        return new UsageSnapshot(overview, groups, daily, providers, models, reason);
    }

    /** The same figures with the conversation's total and the budget's state of {@code local}. */
    public UsageSnapshot withConversationAndBudget(UsageOverview local) {
        UsageOverview o = new UsageOverview(local.conversation(), overview.today(), overview.month(), overview.allTime(),
                local.budget());
        return new UsageSnapshot(o, groups, daily, providers, models, problem);
    }

    /** Both sets of figures summed (rows of one ledger that have not reached the other yet); this one's problem stays. */
    public UsageSnapshot plus(UsageSnapshot other) {
        UsageOverview a = overview;
        UsageOverview b = other.overview;
        UsageOverview sum = new UsageOverview(a.conversation().plus(b.conversation()), a.today().plus(b.today()),
                a.month().plus(b.month()), a.allTime().plus(b.allTime()), a.budget());
        return new UsageSnapshot(sum, merge(groups, other.groups), merge(daily, other.daily), union(providers, other.providers),
                union(models, other.models), problem);
    }

    private static List<UsageTotal> merge(List<UsageTotal> a, List<UsageTotal> b) {
        Map<String, UsageTotal> byKey = new TreeMap<>();
        for (UsageTotal t : a) byKey.merge(t.key(), t, UsageTotal::plus);
        for (UsageTotal t : b) byKey.merge(t.key(), t, UsageTotal::plus);
        return new ArrayList<>(byKey.values());
    }

    private static UsageReport.DailyCosts merge(UsageReport.DailyCosts a, UsageReport.DailyCosts b) {
        Map<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
        Map<LocalDate, Integer> unknown = new TreeMap<>(a.unknownByDay());
        for (var source : List.of(a.byDay(), b.byDay())) {
            source.forEach((day, models) -> {
                Map<String, BigDecimal> into = days.computeIfAbsent(day, d -> new LinkedHashMap<>());
                models.forEach((model, cost) -> into.merge(model, cost, BigDecimal::add));
            });
        }
        b.unknownByDay().forEach((day, n) -> unknown.merge(day, n, Integer::sum));
        return new UsageReport.DailyCosts(days, unknown);
    }

    private static List<String> union(List<String> a, List<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
