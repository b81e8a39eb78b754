package parley.team;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import parley.store.Migration;

/**
 * Brings a workspace's schema to the newest version this Parley knows, on connect. Members who
 * connect at once wait on one advisory lock, so each step runs once; each step runs in one
 * transaction with the version bump. A schema newer than this Parley knows is left alone.
 */
final class TeamMigrator {
    /** The advisory lock the migration holds ("PARLEY" in ASCII, as a number). */
    private static final long LOCK = 0x504152_4C4559L;

    private TeamMigrator() {}

    static SchemaState migrate(Connection c, List<Migration> steps) throws SQLException {
        int known = steps.isEmpty() ? 0 : steps.getLast().version();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            // a role that may not create tables (least privilege) still finds the schema an administrator made
            if (!exists(st)) st.execute("CREATE TABLE parley_schema (version INTEGER NOT NULL)");
            int version = current(st);
            if (version >= known) {
                c.commit();
                return new SchemaState(version, known);
            }
            for (Migration step : steps) {
                if (step.version() <= version) continue;
                for (String sql : step.statements()) st.execute(sql);
            }
            st.execute("DELETE FROM parley_schema");
            st.execute("INSERT INTO parley_schema (version) VALUES (" + known + ")");
            c.commit();
            return new SchemaState(known, known);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static boolean exists(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT to_regclass('parley_schema') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static int current(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT max(version) FROM parley_schema")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
