package parley.usage;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import parley.store.Database;
import parley.store.SqlConditions;

/** The ledger of every request, in the {@code usage_ledger} table. Rows are only ever added. */
public final class UsageLedger {
    public static final String COLUMNS = "at_ms, day, provider, model, prompt_tokens, completion_tokens, "
            + "reasoning_tokens, cached_tokens, estimated, cost_usd, ttft_ms, duration_ms, outcome, "
            + "conversation_id, message_id, origin";

    private final Database database;
    private final UsageRollup rollup;

    public UsageLedger(Database database) {
        this.database = database;
        this.rollup = new UsageRollup(database);
    }

    /** The ledger summed per day, provider and model: what totals over many days are read from. */
    public UsageRollup rollup() {
        return rollup;
    }

    /** Writes the entry and returns it with its id. */
    public LedgerEntry append(LedgerEntry entry) {
        String sql = "INSERT INTO usage_ledger (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        return database.write(c -> {
            try (PreparedStatement st = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(st, entry);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    return keys.next() ? entry.withId(keys.getLong(1)) : entry;
                }
            }
        });
    }

    /** The rows that match, oldest first. */
    public List<LedgerEntry> entries(UsageFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT id, " + COLUMNS + " FROM usage_ledger WHERE 1=1");
        List<Object> args = new ArrayList<>();
        SqlConditions.and(sql, args, "day >= ?", filter.from() == null ? null : filter.from().toString());
        SqlConditions.and(sql, args, "day <= ?", filter.to() == null ? null : filter.to().toString());
        SqlConditions.and(sql, args, "provider = ?", filter.provider());
        SqlConditions.and(sql, args, "model = ?", filter.model());
        SqlConditions.and(sql, args, "conversation_id = ?", filter.conversationId());
        SqlConditions.and(sql, args, "message_id = ?", filter.messageId());
        sql.append(" ORDER BY at_ms, id");
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                SqlConditions.bind(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    List<LedgerEntry> rows = new ArrayList<>();
                    while (rs.next()) rows.add(read(rs));
                    return rows;
                }
            }
        });
    }

    /** The distinct providers or models on the ledger, sorted, to fill filter choices. */
    public List<String> distinct(String column) {
        return rollup.distinct(column);
    }

    /** The sum of the rows that match, named {@code key}; summed in SQL. */
    public UsageTotal total(String key, UsageFilter filter) {
        return UsageRollup.covers(filter) ? rollup.total(key, filter) : rollup.totalOfLedger(key, filter);
    }

    private static void bind(PreparedStatement st, LedgerEntry e) throws SQLException {
        TokenCounts t = e.tokens();
        st.setLong(1, e.at().toEpochMilli());
        st.setString(2, e.day().toString());
        st.setString(3, e.provider());
        st.setString(4, e.model());
        st.setLong(5, t.prompt());
        st.setLong(6, t.completion());
        st.setLong(7, t.reasoning());
        st.setLong(8, t.cached());
        st.setInt(9, t.estimated() ? 1 : 0);
        if (e.costUsd() == null) st.setNull(10, Types.VARCHAR); else st.setString(10, e.costUsd().toPlainString());
        if (e.ttftMillis() == null) st.setNull(11, Types.INTEGER); else st.setLong(11, e.ttftMillis());
        st.setLong(12, e.durationMillis());
        st.setString(13, e.outcome().label());
        st.setString(14, e.conversationId());
        st.setString(15, e.messageId());
        st.setString(16, e.origin());
    }

    /** The ledger row at the result set's cursor, read by its column names. */
    public static LedgerEntry read(ResultSet rs) throws SQLException {
        TokenCounts tokens = new TokenCounts(rs.getLong("prompt_tokens"), rs.getLong("completion_tokens"),
                rs.getLong("reasoning_tokens"), rs.getLong("cached_tokens"), rs.getInt("estimated") != 0);
        String cost = rs.getString("cost_usd");
        long ttft = rs.getLong("ttft_ms");
        Long ttftMillis = rs.wasNull() ? null : ttft;
        return new LedgerEntry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at_ms")),
                LocalDate.parse(rs.getString("day")), rs.getString("provider"), rs.getString("model"),
                tokens, cost == null ? null : new BigDecimal(cost), ttftMillis, rs.getLong("duration_ms"),
                Outcome.parse(rs.getString("outcome")), rs.getString("conversation_id"), rs.getString("message_id"),
                rs.getString("origin"));
    }
}
