package parley.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import parley.store.Database;
import parley.store.Settings;
import parley.team.TeamService;
import parley.team.TeamSettings;
import parley.team.TeamUsageReader;
import parley.team.WorkspaceUnavailable;
import parley.usage.Cost;
import parley.usage.GroupBy;
import parley.usage.Money;
import parley.usage.UsageCsv;
import parley.usage.UsageFilter;
import parley.usage.UsageService;
import parley.usage.UsageTotal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley usage}: what the requests on the ledger used and cost, grouped by model, day, provider
 * or member; with {@code --team}, the team workspace's ledger.
 */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = "Show the tokens and cost of every request on the usage ledger, grouped.")
final class UsageCommand extends Subcommand {
    static final String TEAM_OFFLINE = "team offline";

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Only requests from this day on.")
    String since;

    @Option(names = "--by", paramLabel = "model|day|provider|member", defaultValue = "model",
            description = "Group by model (default), day, provider or member.")
    String by;

    @Option(names = "--team", description = "The team workspace's ledger: every member's requests.")
    boolean team;

    @Option(names = "--csv", description = "Print CSV instead of a table.")
    boolean csv;

    UsageCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        GroupBy group = GroupBy.parse(by);
        if (group == null) throw new BadInput("--by must be model, day, provider or member, not '" + by + "'.");
        UsageFilter filter = since == null ? UsageFilter.ALL : UsageFilter.since(day(since));
        List<UsageTotal> totals;
        try (Database db = DataHome.openForUsage(context.env(), context.err())) {
            UsageService personal = UsageService.over(db, Clock.systemDefaultZone(),
                    () -> new Settings(db).getString(TeamSettings.MEMBER).orElse(GroupBy.ME));
            if (!team) {
                totals = personal.group(filter, group);
            } else {
                try (TeamService workspace = TeamLink.service(db, context.env())) {
                    totals = teamTotals(workspace, personal, filter, group);
                } catch (WorkspaceUnavailable e) {
                    if (!e.unreachable()) throw e;
                    context.err().println("parley: " + TEAM_OFFLINE + ": " + e.getMessage());
                    return FAILED;
                }
            }
        }
        if (csv) {
            Writer out = new PrintWriter(context.out());
            UsageCsv.writeTotals(totals, group, out);
            flush(out);
        } else {
            printTable(totals, group);
        }
        return OK;
    }

    private static List<UsageTotal> teamTotals(TeamService workspace, UsageService personal, UsageFilter filter,
                                               GroupBy group) {
        if (workspace.config().isEmpty()) {
            throw new BadInput("This data folder is not connected to a team workspace: connect it with "
                    + "'parley team connect JDBC_URL --member NAME [--user U] [--password-env VAR]'.");
        }
        workspace.flush(); // this member's queued rows first, so the team's figures include them
        return TeamUsageReader.team(workspace, personal, Clock.systemDefaultZone()).group(filter, group);
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInput("--since must be a day written YYYY-MM-DD, e.g. 2026-03-01, not '" + text + "'.");
        }
    }

    private void printTable(List<UsageTotal> totals, GroupBy group) {
        if (totals.isEmpty()) {
            context.out().println("No requests on the " + (team ? "team's " : "") + "ledger"
                    + (since == null ? "" : " since " + since) + ".");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {group.label(), "requests", "prompt", "completion", "reasoning", "cached", "cost"});
        UsageTotal all = UsageTotal.empty("total");
        for (UsageTotal t : totals) {
            rows.add(row(t));
            all = new UsageTotal("total", all.requests() + t.requests(), all.tokens().plus(t.tokens()), all.cost().plus(t.cost()));
        }
        rows.add(row(all));
        Table.print(rows, "LRRRRRR", context.out());
        Cost cost = all.cost();
        if (cost.estimated()) {
            context.out().println("≈ some token counts are estimates: the provider reported no usage for those requests.");
        }
        if (!cost.isComplete()) {
            context.out().println(cost.unknownParts() + " request" + (cost.unknownParts() == 1 ? " has" : "s have")
                    + " no known price and are not in the cost: set one with 'parley price set MODEL --input X --output Y',"
                    + " or mark a server that runs on this computer with 'parley price local BASE_URL'.");
        }
    }

    private static String[] row(UsageTotal t) {
        return new String[] {t.key(), Integer.toString(t.requests()), String.format("%,d", t.tokens().prompt()),
                String.format("%,d", t.tokens().completion()), String.format("%,d", t.tokens().reasoning()),
                String.format("%,d", t.tokens().cached()), Money.format(t.cost())};
    }

    private static void flush(Writer out) {
        try {
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
