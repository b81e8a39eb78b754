package parley.usage;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import parley.store.Database;
import parley.store.SqlConditions;

/**
 * The ledger summed per day, provider and model ({@code usage_daily}, kept by a trigger; see
 * {@link UsageSchema}): totals, groups and the daily cost chart for any span of days, read in at most
 * one row per day and model however many requests the ledger holds. Sums are exact: whole dollars
 * and picodollars are added as integers in SQL, the rare amount with more decimals as text in Java.
 * Filters by conversation or message are not summed here ({@link #covers}).
 */
public final class UsageRollup {
    private static final BigDecimal PICO = BigDecimal.ONE.movePointLeft(12);
    private static final String SUMS = "sum(requests), sum(prompt_tokens), sum(completion_tokens), "
            + "sum(reasoning_tokens), sum(cached_tokens), sum(estimated), sum(priced), sum(unknown), "
            + "sum(cost_whole), sum(cost_pico), group_concat(cost_odd, ' ')";

    private final Database database;

    public UsageRollup(Database database) {
        this.database = database;
    }

    /**
     * The rollup's rows of {@code source} (the ledger, or a trigger's one new row), grouped per day,
     * provider and model, in {@code usage_daily}'s column order.
     */
    static String grouped(String source) {
        String plain = "(cost_usd NOT GLOB '*[^0-9.]*' AND cost_usd NOT GLOB '*.*.*' AND dot > 1 AND dot <= 16 "
                + "AND length(cost_usd) - dot <= 12)";
        String parts = "SELECT day, provider, model, prompt_tokens, completion_tokens, reasoning_tokens, "
                + "cached_tokens, estimated, cost_usd IS NOT NULL AS priced, cost_usd IS NULL AS unknown, "
                + "CASE WHEN " + plain + " THEN CAST(substr(cost_usd, 1, dot - 1) AS INTEGER) ELSE 0 END AS whole, "
                + "CASE WHEN " + plain + " THEN CAST(substr(substr(cost_usd, dot + 1) || '000000000000', 1, 12) "
                + "AS INTEGER) ELSE 0 END AS pico, "
                + "CASE WHEN cost_usd IS NOT NULL AND NOT " + plain + " THEN cost_usd END AS odd "
                + "FROM (SELECT *, instr(cost_usd || '.', '.') AS dot FROM " + source + ")";
        return "SELECT day, provider, model, count(*) AS requests, sum(prompt_tokens) AS prompt_tokens, "
                + "sum(completion_tokens) AS completion_tokens, sum(reasoning_tokens) AS reasoning_tokens, "
                + "sum(cached_tokens) AS cached_tokens, sum(estimated) AS estimated, sum(priced) AS priced, "
                + "sum(unknown) AS unknown, sum(whole) + sum(pico) / 1000000000000 AS cost_whole, "
                + "sum(pico) % 1000000000000 AS cost_pico, group_concat(odd, ' ') AS cost_odd "
                + "FROM (" + parts + ") WHERE true GROUP BY day, provider, model";
    }

    /** True when the rollup can answer the filter: it has no conversation or message in it. */
    public static boolean covers(UsageFilter filter) {
        return filter.conversationId() == null && filter.messageId() == null;
    }

    /** Everything the filter lets through, as one total named {@code key}. */
    public UsageTotal total(String key, UsageFilter filter) {
        List<UsageTotal> one = query(filter, "'" + key.replace("'", "''") + "'", null);
        return one.isEmpty() ? UsageTotal.empty(key) : one.getFirst();
    }

    /**
     * The same total for any filter, a conversation or a message too, summed in SQL from the ledger's
     * rows (through its indexes) rather than from the rollup.
     */
    public UsageTotal totalOfLedger(String key, UsageFilter filter) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(where(filter, args));
        SqlConditions.and(where, args, "conversation_id = ?", filter.conversationId());
        SqlConditions.and(where, args, "message_id = ?", filter.messageId());
        String sql = "SELECT ?, " + SUMS + " FROM (" + grouped("(SELECT * FROM usage_ledger" + where + ")") + ")";
        args.addFirst(key);
        List<UsageTotal> one = read(sql, args);
        return one.isEmpty() ? UsageTotal.empty(key) : one.getFirst();
    }

    /** One total per key, in key order (days oldest first), as {@link UsageReport#group} makes them. */
    public List<UsageTotal> group(UsageFilter filter, GroupBy by) {
        String column = switch (by) {
            case MODEL -> "model";
            case DAY -> "day";
            case PROVIDER -> "provider";
            case MEMBER -> "'" + GroupBy.ME + "'";
        };
        return query(filter, column, column);
    }

    /** Known cost per day and model, and the requests without a known price per day, as {@link UsageReport#dailyCostsByModel}. */
    public UsageReport.DailyCosts dailyCosts(UsageFilter filter) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT day, model, sum(priced), sum(unknown), sum(cost_whole), sum(cost_pico), "
                + "group_concat(cost_odd, ' ') FROM usage_daily" + where(filter, args) + " GROUP BY day, model ORDER BY day, model";
        return database.read(c -> {
            Map<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
            Map<LocalDate, Integer> unknown = new TreeMap<>();
            try (PreparedStatement st = SqlConditions.bind(c.prepareStatement(sql), args); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = LocalDate.parse(rs.getString(1));
                    Map<String, BigDecimal> models = days.computeIfAbsent(day, d -> new LinkedHashMap<>());
                    models.put(rs.getString(2), amount(rs.getLong(5), rs.getLong(6), rs.getString(7)));
                    if (rs.getInt(4) > 0) unknown.merge(day, rs.getInt(4), Integer::sum);
                }
            }
            return new UsageReport.DailyCosts(days, unknown);
        });
    }

    /** The distinct providers or models on the ledger, sorted. */
    public List<String> distinct(String column) {
        if (!List.of("provider", "model").contains(column)) throw new IllegalArgumentException(column);
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT DISTINCT " + column + " FROM usage_daily ORDER BY 1");
                 ResultSet rs = st.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) values.add(rs.getString(1));
                return values;
            }
        });
    }

    private List<UsageTotal> query(UsageFilter filter, String key, String groupBy) {
        if (!covers(filter)) throw new IllegalArgumentException("the daily rollup holds no conversations or messages");
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + key + ", " + SUMS + " FROM usage_daily" + where(filter, args)
                + (groupBy == null ? "" : " GROUP BY " + groupBy + " ORDER BY " + groupBy);
        return read(sql, args);
    }

    private List<UsageTotal> read(String sql, List<Object> args) {
        return database.read(c -> {
            List<UsageTotal> totals = new ArrayList<>();
            try (PreparedStatement st = SqlConditions.bind(c.prepareStatement(sql), args); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int requests = rs.getInt(2);
                    if (requests == 0) continue; // no row matched: the one row of sums over nothing
                    boolean estimated = rs.getLong(7) > 0;
                    TokenCounts tokens = new TokenCounts(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            estimated);
                    Cost cost = new Cost(amount(rs.getLong(10), rs.getLong(11), rs.getString(12)), rs.getInt(8),
                            rs.getInt(9), estimated);
                    totals.add(new UsageTotal(rs.getString(1), requests, tokens, cost));
                }
            }
            return totals;
        });
    }

    private static String where(UsageFilter filter, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        SqlConditions.and(sql, args, "day >= ?", filter.from() == null ? null : filter.from().toString());
        SqlConditions.and(sql, args, "day <= ?", filter.to() == null ? null : filter.to().toString());
        SqlConditions.and(sql, args, "provider = ?", filter.provider());
        SqlConditions.and(sql, args, "model = ?", filter.model());
        return sql.toString();
    }

    /** Whole dollars plus picodollars plus the odd amounts kept as text, exactly. */
    private static BigDecimal amount(long whole, long pico, String odd) {
        BigDecimal sum = BigDecimal.valueOf(whole).add(PICO.multiply(BigDecimal.valueOf(pico)));
        if (odd != null) {
            for (String part : odd.split(" ")) {
                if (!part.isEmpty()) sum = sum.add(new BigDecimal(part));
            }
        }
        return sum.signum() == 0 ? BigDecimal.ZERO : sum.stripTrailingZeros();
    }
}
