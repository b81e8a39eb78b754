package parley.usage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A SQLite file with the usage tables, for tests. */
final class TestDb {
    private TestDb() {}

    static Connection open(Path file) throws SQLException {
        boolean fresh = !file.toFile().exists();
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        if (fresh) {
            try (Statement st = c.createStatement()) {
                for (String sql : UsageSchema.STATEMENTS) st.execute(sql);
            }
        }
        return c;
    }
}
