package parley.team;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import parley.store.SqlStore;
import parley.usage.BudgetCheck;
import parley.usage.BudgetSettings;
import parley.usage.Cost;

/**
 * The team's budgets in the workspace ({@code team_budget}: scope {@link #TEAM} for the whole team,
 * else a member's name) and the holds on them ({@code team_reservation}). A send is admitted in one
 * transaction under a lock every member takes: this month's spending from {@code team_daily}, plus
 * every unexpired hold, plus the request's upper estimate, against the limits; when admitted, the
 * request's hold is written before the commit. So members sending at the same time overshoot a
 * limit by at most what is already under way, never by each other's requests. A hold lapses after
 * {@link #HOLD}, so a member whose Parley stopped mid-request does not keep the budget forever.
 */
public final class TeamBudgets {
    /** The scope of the whole team's budget. */
    public static final String TEAM = "";
    /** How long a request's hold lasts when it is not released. */
    public static final Duration HOLD = Duration.ofMinutes(15);
    /** The key of the transaction lock that admissions take, the same in every Parley. */
    private static final long ADMISSION_LOCK = 0x7061_726c_6579_4255L;

    /** A scope's limits as kept in the workspace, with who set them. */
    public record Row(String scope, BudgetSettings limits, String setBy, long atMs) {}

    /** The verdict on a request, the hold written for it (null when none was), and the state it was judged on. */
    public record Decision(BudgetCheck check, String hold, TeamBudgetState state) {}

    private final SqlStore workspace;
    private final Clock clock;

    public TeamBudgets(SqlStore workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Every budget set, the team's first, then the members' by name. */
    public List<Row> all() {
        return workspace.read(c -> {
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT scope, daily_usd, monthly_usd, hard_stop, set_by, at_ms FROM team_budget ORDER BY scope")) {
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), settings(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBoolean(4)),
                            rs.getString(5), rs.getLong(6)));
                }
                return rows;
            }
        });
    }

    /** The limits of one scope; none when it has no budget. */
    public BudgetSettings limits(String scope) {
        return workspace.read(c -> limits(c, scope));
    }

    /** Sets a scope's limits; limits without any limit take the scope's budget away. */
    public void set(String scope, BudgetSettings limits, String setBy) {
        long now = clock.millis();
        workspace.write(c -> {
            if (!limits.any()) {
                try (PreparedStatement st = c.prepareStatement("DELETE FROM team_budget WHERE scope = ?")) {
                    st.setString(1, scope);
                    return st.executeUpdate();
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO team_budget (scope, daily_usd, monthly_usd, "
                    + "hard_stop, set_by, at_ms) VALUES (?,?,?,?,?,?) ON CONFLICT (scope) DO UPDATE SET "
                    + "daily_usd = EXCLUDED.daily_usd, monthly_usd = EXCLUDED.monthly_usd, hard_stop = EXCLUDED.hard_stop, "
                    + "set_by = EXCLUDED.set_by, at_ms = EXCLUDED.at_ms")) {
                st.setString(1, scope);
                st.setBigDecimal(2, limits.dailyLimit());
                st.setBigDecimal(3, limits.monthlyLimit());
                st.setBoolean(4, limits.hardStop());
                st.setString(5, setBy);
                st.setLong(6, now);
                return st.executeUpdate();
            }
        });
    }

    /**
     * Judges a request of {@code member} costing up to {@code upper} and, unless it is refused, holds that
     * amount for it. {@code ownToday}/{@code ownMonth}: the member's spending not yet in the workspace
     * (rows still queued on its computer).
     */
    public Decision admit(String member, Cost upper, BigDecimal ownToday, BigDecimal ownMonth) {
        LocalDate today = LocalDate.now(clock);
        long now = clock.millis();
        return workspace.write(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ADMISSION_LOCK);
                lock.execute();
            }
            BudgetSettings team = limits(c, TEAM);
            BudgetSettings mine = limits(c, member);
            if (!team.any() && !mine.any()) {
                return new Decision(BudgetCheck.OK, null, TeamBudgetState.none(today));
            }
            lapse(c, now);
            TeamSpend spend = spentOrHeld(c, member, today).plusOwn(ownToday, ownMonth);
            TeamBudgetState state = new TeamBudgetState(team, mine, spend);
            BudgetCheck check = state.beforeSend(member, upper);
            String hold = null;
            if (check.allowsSend() && upper.known().signum() > 0) {
                hold = UUID.randomUUID().toString();
                insertHold(c, hold, member, upper.known(), now);
            }
            return new Decision(check, hold, state);
        });
    }

    /** Gives a request's hold back; true when it was still held. */
    public boolean release(String hold) {
        return workspace.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM team_reservation WHERE row_key = ?")) {
                st.setString(1, hold);
                return st.executeUpdate() > 0;
            }
        });
    }

    /** How much the unexpired holds keep, the whole team's. */
    public BigDecimal held() {
        long now = clock.millis();
        return workspace.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT COALESCE(sum(amount_usd), 0) FROM team_reservation WHERE expires_at_ms > ?")) {
                st.setLong(1, now);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getBigDecimal(1);
                }
            }
        });
    }

    /** What the team and {@code member} spent today and this month, from the team's ledger (holds not counted). */
    public TeamSpend spent(String member) {
        LocalDate today = LocalDate.now(clock);
        return workspace.read(c -> ledgerSpend(c, member, today));
    }

    private TeamSpend ledgerSpend(Connection c, String member, LocalDate today) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT COALESCE(sum(cost_usd), 0), "
                + "COALESCE(sum(cost_usd) FILTER (WHERE day = ?), 0), COALESCE(sum(cost_usd) FILTER (WHERE member = ?), 0), "
                + "COALESCE(sum(cost_usd) FILTER (WHERE member = ? AND day = ?), 0) FROM team_daily WHERE day >= ? AND day <= ?")) {
            st.setObject(1, today);
            st.setString(2, member);
            st.setString(3, member);
            st.setObject(4, today);
            st.setObject(5, YearMonth.from(today).atDay(1));
            st.setObject(6, today);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new TeamSpend(today, rs.getBigDecimal(2), rs.getBigDecimal(1), rs.getBigDecimal(4), rs.getBigDecimal(3));
            }
        }
    }

    private TeamSpend spentOrHeld(Connection c, String member, LocalDate today) throws SQLException {
        TeamSpend ledger = ledgerSpend(c, member, today);
        try (PreparedStatement st = c.prepareStatement("SELECT COALESCE(sum(amount_usd), 0), "
                + "COALESCE(sum(amount_usd) FILTER (WHERE member = ?), 0) FROM team_reservation")) {
            st.setString(1, member);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                BigDecimal all = rs.getBigDecimal(1);
                BigDecimal mine = rs.getBigDecimal(2);
                return new TeamSpend(today, ledger.teamToday().add(all), ledger.teamMonth().add(all),
                        ledger.memberToday().add(mine), ledger.memberMonth().add(mine));
            }
        }
    }

    private static void lapse(Connection c, long now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM team_reservation WHERE expires_at_ms <= ?")) {
            st.setLong(1, now);
            st.executeUpdate();
        }
    }

    private static void insertHold(Connection c, String key, String member, BigDecimal amount, long now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO team_reservation (row_key, member, amount_usd, "
                + "at_ms, expires_at_ms) VALUES (?,?,?,?,?)")) {
            st.setString(1, key);
            st.setString(2, member);
            st.setBigDecimal(3, amount);
            st.setLong(4, now);
            st.setLong(5, now + HOLD.toMillis());
            st.executeUpdate();
        }
    }

    private static BudgetSettings limits(Connection c, String scope) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT daily_usd, monthly_usd, hard_stop FROM team_budget WHERE scope = ?")) {
            st.setString(1, scope);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? settings(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBoolean(3)) : BudgetSettings.NONE;
            }
        }
    }

    private static BudgetSettings settings(BigDecimal daily, BigDecimal monthly, boolean hardStop) {
        return new BudgetSettings(positive(daily), positive(monthly), hardStop);
    }

    private static BigDecimal positive(BigDecimal value) {
        return value != null && value.signum() > 0 ? value : null;
    }
}
