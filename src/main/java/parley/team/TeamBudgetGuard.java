package parley.team;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import parley.store.Database;
import parley.store.Settings;
import parley.usage.Admission;
import parley.usage.BudgetCheck;
import parley.usage.Cost;
import parley.usage.SharedBudget;

/**
 * The team's budget before a send from this data folder: judged and held in the workspace while it
 * answers ({@link TeamBudgets}); while it cannot be reached, judged on the team's figures as last
 * known plus this member's rows still queued, with a warning that they may be behind. The workspace
 * being away never stops a send by itself. May reach the network: call it off the JavaFX thread.
 */
public final class TeamBudgetGuard implements SharedBudget {
    public static final String OFFLINE = "team offline: the team's budget may be behind";

    private final TeamService team;
    private final Database local;
    private final KnownTeamBudget known;
    private final Clock clock;

    public TeamBudgetGuard(TeamService team, Database local, Clock clock) {
        this.team = team;
        this.local = local;
        this.known = new KnownTeamBudget(new Settings(local));
        this.clock = clock;
    }

    @Override
    public Admission admit(Cost upper) {
        Optional<String> member = team.member();
        if (member.isEmpty()) return Admission.of(BudgetCheck.OK);
        LocalDate today = LocalDate.now(clock);
        BigDecimal[] own = queued(today);
        try {
            Workspace workspace = team.workspace().orElseThrow();
            TeamBudgets budgets = new TeamBudgets(workspace, clock);
            TeamBudgets.Decision decision = budgets.admit(member.get(), upper, own[0], own[1]);
            team.noteProblem(null);
            known.save(decision.state());
            return new Admission(decision.check(), decision.hold() == null ? () -> { } : releaser(budgets, decision.hold()));
        } catch (WorkspaceUnavailable e) {
            if (!e.unreachable()) {
                return Admission.of(new BudgetCheck(BudgetCheck.Verdict.WARNING,
                        "The team's budget could not be checked: " + e.getMessage()));
            }
            team.noteProblem(e.getMessage());
            return Admission.of(offline(member.get(), upper, today, own));
        }
    }

    /** The verdict without asking the workspace, known to be away just now: on the figures last known. */
    public Admission admitOffline(Cost upper) {
        Optional<String> member = team.member();
        if (member.isEmpty()) return Admission.of(BudgetCheck.OK);
        LocalDate today = LocalDate.now(clock);
        return Admission.of(offline(member.get(), upper, today, queued(today)));
    }

    private BudgetCheck offline(String member, Cost upper, LocalDate today, BigDecimal[] own) {
        TeamBudgetState last = known.load().orElse(TeamBudgetState.none(today));
        TeamBudgetState now = new TeamBudgetState(last.team(), last.member(), last.spend().on(today).plusOwn(own[0], own[1]));
        BudgetCheck check = now.beforeSend(member, upper);
        if (check.verdict() == BudgetCheck.Verdict.OK) return new BudgetCheck(BudgetCheck.Verdict.WARNING, OFFLINE + ".");
        return new BudgetCheck(check.verdict(), check.message() + " (" + OFFLINE + ")");
    }

    /** Releases once; a workspace that cannot be reached then lets the hold lapse at its expiry. */
    private static Runnable releaser(TeamBudgets budgets, String hold) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (!done.compareAndSet(false, true)) return;
            try {
                budgets.release(hold);
            } catch (WorkspaceUnavailable e) {
                // the hold lapses by itself
            }
        };
    }

    /** This member's spending still queued on this computer: today's and this month's. */
    private BigDecimal[] queued(LocalDate today) {
        return local.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT l.day, l.cost_usd FROM team_outbox o "
                    + "JOIN usage_ledger l ON l.id = o.ledger_id WHERE l.day >= ? AND l.cost_usd IS NOT NULL")) {
                st.setString(1, YearMonth.from(today).atDay(1).toString());
                BigDecimal day = BigDecimal.ZERO;
                BigDecimal month = BigDecimal.ZERO;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        BigDecimal cost = new BigDecimal(rs.getString(2));
                        month = month.add(cost);
                        if (today.toString().equals(rs.getString(1))) day = day.add(cost);
                    }
                }
                return new BigDecimal[] {day, month};
            }
        });
    }
}
