package parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.store.Database;
import parley.store.Settings;
import parley.team.TeamBudgets;
import parley.team.TeamSpend;
import parley.usage.BudgetSettings;
import parley.usage.BudgetStore;
import parley.usage.Money;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley budget set|show}: the user's own budget and, in a team workspace, the team's and each
 * member's, with the same warnings (at 80%) and the same hard stop.
 */
final class BudgetCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BudgetCommand() {}

    static CommandLine create(CliContext context) {
        CommandLine budget = new CommandLine(new Group(context));
        budget.addSubcommand(new SetBudget(context));
        budget.addSubcommand(new ShowBudget(context));
        return budget;
    }

    @Command(name = "budget", mixinStandardHelpOptions = true,
            description = "Set or show spending limits: yours, the team's and each member's (US dollars).")
    static final class Group extends Subcommand {
        Group(CliContext context) { super(context); }

        @Override
        protected int run() {
            throw new BadInput("name what to do: 'parley budget show' or 'parley budget set --team|--member NAME|--personal"
                    + " --monthly USD [--hard-stop]'.");
        }
    }

    /** Whose budget: exactly one. */
    static final class Scope {
        @Option(names = "--team", description = "The whole team's budget (in the team workspace).")
        boolean team;
        @Option(names = "--member", paramLabel = "NAME", description = "One member's budget (in the team workspace).")
        String member;
        @Option(names = "--personal", description = "Your own budget on this computer.")
        boolean personal;
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set a budget: past 80% of a limit a warning; a send that could pass it asks first, or with"
                    + " --hard-stop is refused. Without --daily and --monthly the budget is removed.")
    static final class SetBudget extends Subcommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Scope scope;
        @Option(names = "--daily", paramLabel = "USD", description = "The limit per day.")
        String daily;
        @Option(names = "--monthly", paramLabel = "USD", description = "The limit per calendar month.")
        String monthly;
        @Option(names = "--hard-stop", description = "Refuse a send that could pass a limit (default: ask first).")
        boolean hardStop;

        SetBudget(CliContext context) { super(context); }

        @Override
        protected int run() {
            BudgetSettings limits = new BudgetSettings(limit("--daily", daily), limit("--monthly", monthly), hardStop);
            try (Database db = DataHome.openForUsage(context.env(), context.err())) {
                if (scope.personal) {
                    new BudgetStore(new Settings(db)).save(limits);
                } else {
                    try (TeamUsage link = TeamUsage.over(db, context.env())) {
                        String me = link.member();
                        String member = scope.team ? TeamBudgets.TEAM : memberName(scope.member);
                        new TeamBudgets(link.workspace(), Clock.systemDefaultZone()).set(member, limits, me);
                    }
                }
            }
            context.out().println(whose() + (limits.any() ? " set: " + describe(limits) + "." : " removed."));
            return OK;
        }

        private String whose() {
            return scope.personal ? "Your budget" : scope.team ? "The team's budget" : "The budget of " + scope.member.strip();
        }

        private static String memberName(String name) {
            if (name.isBlank()) throw new BadInput("--member is empty: give the member's name as 'parley team status' lists it.");
            return name.strip();
        }

        private static BigDecimal limit(String option, String text) {
            if (text == null) return null;
            BigDecimal value = Money.parse(text);
            if (value == null || value.signum() <= 0) {
                throw new BadInput(option + " must be an amount of US dollars above zero, e.g. 25 or 12.50 (was '" + text + "').");
            }
            return value;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show your budget and, in a team workspace, the team's and the members' with what was spent.")
    static final class ShowBudget extends Subcommand {
        @Option(names = "--json", description = "One JSON object: personal, team (null when not connected).")
        boolean json;

        ShowBudget(CliContext context) { super(context); }

        @Override
        protected int run() {
            BudgetSettings personal;
            Map<String, Object> team = null;
            try (Database db = DataHome.openForUsage(context.env(), context.err());
                 TeamUsage link = TeamUsage.over(db, context.env())) {
                personal = new BudgetStore(new Settings(db)).load();
                if (link.connected()) team = team(link);
            }
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("personal", limits(personal));
                out.put("team", team);
                print(out);
            } else {
                printText(personal, team);
            }
            return OK;
        }

        private static Map<String, Object> team(TeamUsage link) {
            TeamBudgets budgets = new TeamBudgets(link.workspace(), Clock.systemDefaultZone());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TeamBudgets.Row row : budgets.all()) {
                boolean whole = row.scope().equals(TeamBudgets.TEAM);
                TeamSpend spend = budgets.spent(whole ? link.member() : row.scope());
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("scope", whole ? "team" : "member");
                out.put("member", whole ? null : row.scope());
                out.putAll(limits(row.limits()));
                out.put("set_by", row.setBy());
                out.put("spent_today_usd", whole ? spend.teamToday() : spend.memberToday());
                out.put("spent_month_usd", whole ? spend.teamMonth() : spend.memberMonth());
                rows.add(out);
            }
            Map<String, Object> team = new LinkedHashMap<>();
            team.put("member", link.member());
            team.put("held_usd", budgets.held());
            team.put("budgets", rows);
            return team;
        }

        private static Map<String, Object> limits(BudgetSettings limits) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("daily_usd", limits.dailyLimit());
            out.put("monthly_usd", limits.monthlyLimit());
            out.put("hard_stop", limits.hardStop());
            return out;
        }

        @SuppressWarnings("unchecked")
        private void printText(BudgetSettings personal, Map<String, Object> team) {
            context.out().println("Your budget: " + (personal.any() ? describe(personal) : "none") + ".");
            if (team == null) return;
            List<Map<String, Object>> budgets = (List<Map<String, Object>>) team.get("budgets");
            context.out().println("Team workspace, as " + team.get("member") + ": "
                    + (budgets.isEmpty() ? "no budgets set." : ""));
            if (budgets.isEmpty()) return;
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"budget", "daily", "monthly", "hard stop", "spent today", "spent this month", "set by"});
            for (Map<String, Object> b : budgets) {
                rows.add(new String[] {b.get("member") == null ? "team" : (String) b.get("member"), money(b.get("daily_usd")),
                        money(b.get("monthly_usd")), (Boolean) b.get("hard_stop") ? "yes" : "no", money(b.get("spent_today_usd")),
                        money(b.get("spent_month_usd")), (String) b.get("set_by")});
            }
            Table.print(rows, "LRRLRRL", context.out());
            context.out().println("Held for requests under way: " + money(team.get("held_usd")) + ".");
        }

        private void print(Map<String, Object> out) {
            try {
                context.out().println(JSON.writeValueAsString(out));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String money(Object amount) {
            return amount == null ? "-" : Money.format((BigDecimal) amount);
        }
    }

    static String describe(BudgetSettings limits) {
        List<String> parts = new ArrayList<>();
        if (limits.dailyLimit() != null) parts.add(Money.format(limits.dailyLimit()) + " a day");
        if (limits.monthlyLimit() != null) parts.add(Money.format(limits.monthlyLimit()) + " a month");
        return String.join(", ", parts) + (limits.hardStop() ? ", hard stop" : ", ask past a limit");
    }
}
