package parley.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * SQLite's {@code PRAGMA quick_check} over a whole database file, on a read-only connection of its
 * own so that the app's connection goes on serving while it reads every page (seconds for a year of
 * history). A file found damaged is marked ({@link DamageMark}) and set aside at the next open.
 */
final class WholeFileCheck {
    private static final System.Logger LOG = System.getLogger(WholeFileCheck.class.getName());
    private static final int FINDINGS_KEPT = 3;

    private WholeFileCheck() {}

    /** A sentence for the user when the file is damaged; empty when it is whole or could not be checked. */
    static Optional<String> run(Path file) {
        String finding;
        try {
            finding = findings(file);
        } catch (SQLException e) {
            if (OpenFailure.of(e) != OpenFailure.DAMAGED) {
                LOG.log(System.Logger.Level.WARNING, "the integrity check of " + file + " could not run", e);
                return Optional.empty();
            }
            finding = e.getMessage() == null ? "damaged" : e.getMessage().lines().findFirst().orElse("damaged");
        }
        if (finding == null) {
            return Optional.empty();
        }
        DamageMark.write(file, finding);
        LOG.log(System.Logger.Level.WARNING, "the integrity check found {0} damaged: {1}", file, finding);
        return Optional.of("The check of the database " + file + " found it damaged (" + finding + "). Close Parley "
                + "and start it again: the damaged file will be kept aside, with what it holds, and a new one started.");
    }

    /** The first lines of what the check reports, or null when it answers "ok". */
    private static String findings(Path file) throws SQLException {
        SqliteLibrary.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file);
             Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA quick_check(" + FINDINGS_KEPT + ")")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            if (lines.size() == 1 && "ok".equalsIgnoreCase(lines.getFirst())) {
                return null;
            }
            // one line for the notice and the mark; SQLite's own lines start "*** in database main ***"
            String found = String.join("\n", lines).replace("*** in database main ***", "").strip();
            return found.isEmpty() ? "no answer" : String.join("; ", found.lines().map(String::strip).toList());
        }
    }
}
