package parley.team;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import parley.store.Settings;
import parley.usage.BudgetSettings;

/**
 * The team's budget as the workspace last told it, kept in the local settings table, to judge sends
 * by while the workspace cannot be reached. A damaged entry reads as nothing known.
 */
final class KnownTeamBudget {
    static final String PREFIX = "team.budget.known.";

    private final Settings settings;

    KnownTeamBudget(Settings settings) {
        this.settings = settings;
    }

    void save(TeamBudgetState state) {
        Map<String, String> entries = new LinkedHashMap<>();
        put(entries, "team", state.team());
        put(entries, "member", state.member());
        TeamSpend spend = state.spend();
        entries.put(PREFIX + "day", spend.day().toString());
        entries.put(PREFIX + "team_today", spend.teamToday().toPlainString());
        entries.put(PREFIX + "team_month", spend.teamMonth().toPlainString());
        entries.put(PREFIX + "member_today", spend.memberToday().toPlainString());
        entries.put(PREFIX + "member_month", spend.memberMonth().toPlainString());
        settings.putAll(entries);
    }

    Optional<TeamBudgetState> load() {
        Map<String, String> kept = settings.withPrefix(PREFIX);
        try {
            TeamSpend spend = new TeamSpend(LocalDate.parse(kept.get(PREFIX + "day")),
                    new BigDecimal(kept.get(PREFIX + "team_today")), new BigDecimal(kept.get(PREFIX + "team_month")),
                    new BigDecimal(kept.get(PREFIX + "member_today")), new BigDecimal(kept.get(PREFIX + "member_month")));
            return Optional.of(new TeamBudgetState(limits(kept, "team"), limits(kept, "member"), spend));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void put(Map<String, String> entries, String scope, BudgetSettings limits) {
        entries.put(PREFIX + scope + ".daily", limits.dailyLimit() == null ? null : limits.dailyLimit().toPlainString());
        entries.put(PREFIX + scope + ".monthly", limits.monthlyLimit() == null ? null : limits.monthlyLimit().toPlainString());
        entries.put(PREFIX + scope + ".hard_stop", Boolean.toString(limits.hardStop()));
    }

    private static BudgetSettings limits(Map<String, String> kept, String scope) {
        return new BudgetSettings(decimal(kept.get(PREFIX + scope + ".daily")), decimal(kept.get(PREFIX + scope + ".monthly")),
                Boolean.parseBoolean(kept.get(PREFIX + scope + ".hard_stop")));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
