package parley.team;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import parley.store.SqlStore;
import parley.usage.Cost;
import parley.usage.GroupBy;
import parley.usage.LedgerEntry;
import parley.usage.MemberEntry;
import parley.usage.Outcome;
import parley.usage.TokenCounts;
import parley.usage.UsageFilter;
import parley.usage.UsageReport;
import parley.usage.UsageTotal;
import parley.store.SqlConditions;

/**
 * The team's ledger summed in SQL: totals, groups (by member too) and the daily cost chart, read from
 * {@code team_daily} (kept per day, member, provider and model by a trigger, see {@link TeamSchema}),
 * so a query reads one row per day and member and model however long the ledger grows. Money is
 * {@code NUMERIC}, summed exactly. A null {@code member} reads the whole team; a name reads that
 * member's rows only. Throws {@link WorkspaceUnavailable} when the workspace cannot answer.
 */
public final class TeamUsage {
    private static final String SUMS = "sum(requests), sum(prompt_tokens), sum(completion_tokens), "
            + "sum(reasoning_tokens), sum(cached_tokens), sum(estimated), sum(priced), sum(unknown), sum(cost_usd)";
    /** The ledger's rows in the rollup's shape: what the queries read without the rollup. */
    private static final String LEDGER_AS_DAILY = "(SELECT day, member, provider, model, 1 AS requests, prompt_tokens, "
            + "completion_tokens, reasoning_tokens, cached_tokens, CASE WHEN estimated THEN 1 ELSE 0 END AS estimated, "
            + "CASE WHEN cost_usd IS NULL THEN 0 ELSE 1 END AS priced, CASE WHEN cost_usd IS NULL THEN 1 ELSE 0 END AS unknown, "
            + "COALESCE(cost_usd, 0) AS cost_usd FROM team_ledger) AS ledger";

    private final SqlStore store;
    private final String source;

    public TeamUsage(SqlStore store) {
        this(store, "team_daily");
    }

    private TeamUsage(SqlStore store, String source) {
        this.store = store;
        this.source = source;
    }

    /** The same queries summing {@code team_ledger}'s rows one by one: what the rollup saves, measured against it. */
    public static TeamUsage withoutRollup(SqlStore store) {
        return new TeamUsage(store, LEDGER_AS_DAILY);
    }

    /** Everything the filter lets through, as one total named {@code key}. */
    public UsageTotal total(String key, UsageFilter filter, String member) {
        List<Object> args = new ArrayList<>();
        args.add(key);
        List<UsageTotal> one = totals("SELECT CAST(? AS TEXT), " + SUMS + " FROM " + source + where(filter, member, args), args);
        return one.isEmpty() ? UsageTotal.empty(key) : one.getFirst();
    }

    /** One total per key, in key order (days oldest first). */
    public List<UsageTotal> group(UsageFilter filter, GroupBy by, String member) {
        String key = switch (by) {
            case MODEL -> "model";
            case DAY -> "day::text";
            case PROVIDER -> "provider";
            case MEMBER -> "member";
        };
        List<Object> args = new ArrayList<>();
        return totals("SELECT " + key + ", " + SUMS + " FROM " + source + where(filter, member, args) + " GROUP BY "
                + key + " ORDER BY " + key + " COLLATE \"C\"", args);
    }

    /** Known cost per day and model, and the requests without a known price per day. */
    public UsageReport.DailyCosts dailyCosts(UsageFilter filter, String member) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT day, model, sum(unknown), sum(cost_usd) FROM " + source + where(filter, member, args)
                + " GROUP BY day, model ORDER BY day, model COLLATE \"C\"";
        return store.read(c -> {
            Map<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
            Map<LocalDate, Integer> unknown = new TreeMap<>();
            try (PreparedStatement st = SqlConditions.bind(c.prepareStatement(sql), args); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    days.computeIfAbsent(day, d -> new LinkedHashMap<>()).put(rs.getString(2), exact(rs.getBigDecimal(4)));
                    if (rs.getInt(3) > 0) unknown.merge(day, rs.getInt(3), Integer::sum);
                }
            }
            return new UsageReport.DailyCosts(days, unknown);
        });
    }

    /** The distinct providers or models of the team's ledger, sorted. */
    public List<String> distinct(String column) {
        if (!List.of("provider", "model").contains(column)) throw new IllegalArgumentException(column);
        return store.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + column + " FROM " + source
                    + " GROUP BY " + column + " ORDER BY " + column + " COLLATE \"C\""); ResultSet rs = st.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) values.add(rs.getString(1));
                return values;
            }
        });
    }

    /** The matching rows of the team's ledger with their members, oldest first. */
    public List<MemberEntry> entries(UsageFilter filter, String member) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT member, at_ms, day, provider, model, prompt_tokens, completion_tokens, reasoning_tokens, "
                + "cached_tokens, estimated, cost_usd, ttft_ms, duration_ms, outcome, origin FROM team_ledger"
                + where(filter, member, args) + " ORDER BY at_ms, row_key";
        return store.read(c -> {
            List<MemberEntry> rows = new ArrayList<>();
            try (PreparedStatement st = SqlConditions.bind(c.prepareStatement(sql), args); ResultSet rs = st.executeQuery()) {
                while (rs.next()) rows.add(new MemberEntry(rs.getString(1), entry(rs)));
            }
            return rows;
        });
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        TokenCounts tokens = new TokenCounts(rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getBoolean(10));
        long ttft = rs.getLong(12);
        Long ttftMillis = rs.wasNull() ? null : ttft;
        return new LedgerEntry(0, Instant.ofEpochMilli(rs.getLong(2)), rs.getObject(3, LocalDate.class), rs.getString(4),
                rs.getString(5), tokens, rs.getBigDecimal(11), ttftMillis, rs.getLong(13), Outcome.parse(rs.getString(14)),
                null, null, rs.getString(15));
    }

    private List<UsageTotal> totals(String sql, List<Object> args) {
        return store.read(c -> {
            List<UsageTotal> totals = new ArrayList<>();
            try (PreparedStatement st = SqlConditions.bind(c.prepareStatement(sql), args); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int requests = rs.getInt(2);
                    if (requests == 0) continue; // no row matched: the one row of sums over nothing
                    boolean estimated = rs.getLong(7) > 0;
                    TokenCounts tokens = new TokenCounts(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), estimated);
                    Cost cost = new Cost(exact(rs.getBigDecimal(10)), rs.getInt(8), rs.getInt(9), estimated);
                    totals.add(new UsageTotal(rs.getString(1), requests, tokens, cost));
                }
            }
            return totals;
        });
    }

    private static String where(UsageFilter filter, String member, List<Object> args) {
        if (filter.conversationId() != null || filter.messageId() != null) {
            throw new IllegalArgumentException("The team's ledger holds no conversations: they stay on each computer.");
        }
        StringBuilder sql = new StringBuilder(" WHERE true");
        SqlConditions.and(sql, args, "day >= ?", filter.from());
        SqlConditions.and(sql, args, "day <= ?", filter.to());
        SqlConditions.and(sql, args, "provider = ?", filter.provider());
        SqlConditions.and(sql, args, "model = ?", filter.model());
        SqlConditions.and(sql, args, "member = ?", member);
        return sql.toString();
    }

    private static BigDecimal exact(BigDecimal sum) {
        return sum == null || sum.signum() == 0 ? BigDecimal.ZERO : sum.stripTrailingZeros();
    }
}
