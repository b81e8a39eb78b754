package parley.team;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import parley.store.Database;
import parley.store.Migration;
import parley.usage.LedgerEntry;
import parley.usage.UsageLedger;

/**
 * The ledger rows waiting to reach the team's workspace, in the local file. While a member is
 * connected ({@code team.member} is set), a trigger queues every row added to the local ledger in
 * the same transaction that adds it, under a random key that makes its arrival idempotent: a row
 * written twice to the workspace (a connection that dropped after the commit) is stored once.
 */
public final class TeamOutbox {
    public static final List<String> TABLES = List.of("team_outbox");

    public static final List<Migration> MIGRATIONS = List.of(new Migration(12, """
            CREATE TABLE team_outbox (
              ledger_id INTEGER PRIMARY KEY,
              row_key TEXT NOT NULL UNIQUE,
              member TEXT NOT NULL
            )""", "CREATE TRIGGER team_outbox_queue AFTER INSERT ON usage_ledger "
                    + "WHEN EXISTS (SELECT 1 FROM settings WHERE key = '" + TeamSettings.MEMBER + "') BEGIN "
                    + "INSERT INTO team_outbox (ledger_id, row_key, member) VALUES (new.id, lower(hex(randomblob(16))), "
                    + "(SELECT value FROM settings WHERE key = '" + TeamSettings.MEMBER + "')); END"));

    /** A queued row: its key in the workspace, the member who sent it and the ledger row. */
    public record Queued(String key, String member, LedgerEntry entry) {}

    private final Database database;

    public TeamOutbox(Database database) {
        this.database = database;
    }

    /** How many rows wait. */
    public long size() {
        return database.read(c -> {
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM team_outbox")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The oldest {@code limit} rows that wait. */
    public List<Queued> oldest(int limit) {
        String sql = "SELECT o.row_key, o.member, l.id, " + qualified() + " FROM team_outbox o "
                + "JOIN usage_ledger l ON l.id = o.ledger_id ORDER BY o.ledger_id LIMIT ?";
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setInt(1, limit);
                try (ResultSet rs = st.executeQuery()) {
                    List<Queued> rows = new ArrayList<>();
                    while (rs.next()) rows.add(new Queued(rs.getString("row_key"), rs.getString("member"), UsageLedger.read(rs)));
                    return rows;
                }
            }
        });
    }

    /** Takes rows that reached the workspace off the queue. */
    public void remove(List<Queued> rows) {
        if (rows.isEmpty()) return;
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM team_outbox WHERE row_key = ?")) {
                for (Queued row : rows) {
                    st.setString(1, row.key());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    /** Empties the queue (on leaving a workspace); returns how many rows were dropped. */
    public int clear() {
        return database.write(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM team_outbox");
            }
        });
    }

    private static String qualified() {
        StringBuilder out = new StringBuilder();
        for (String column : UsageLedger.COLUMNS.split(",\\s*")) {
            if (!out.isEmpty()) out.append(", ");
            out.append("l.").append(column);
        }
        return out.toString();
    }
}
