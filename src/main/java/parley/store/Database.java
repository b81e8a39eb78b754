package parley.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one SQLite file in the data folder, in WAL mode, migrated to the latest schema when opened.
 * Before an existing database is migrated, a copy is written beside it. A file SQLite reports as
 * corrupt or not a database is moved aside (kept, never deleted) and a fresh one is started; a
 * file that is locked, read-only or not allowed is left alone and opening fails with a
 * {@link StoreException} that says so ({@link OpenFailure}).
 * Every write runs in a transaction; calls are serialized on this object.
 */
public final class Database implements SqlStore, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    public static final String FILE_NAME = "parley.db";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path file;
    private final Connection connection;
    private final Path backup;
    private final String recoveryNotice;

    private Database(Path file, Connection connection, Path backup, String recoveryNotice) {
        this.file = file;
        this.connection = connection;
        this.backup = backup;
        this.recoveryNotice = recoveryNotice;
    }

    /**
     * Opens {@code file} and brings it to the last of {@code steps}: the migrations of every table's
     * owner, merged by {@link Migrations#chain}.
     */
    public static Database open(Path file, List<Migration> steps) {
        return open(file, steps, List.of());
    }

    /**
     * Opens {@code file} as {@link #open(Path, List)} does, but checks only {@code checkedTables}
     * (those of them the file has, with their indexes) for damage instead of the whole file, when the
     * list is not empty: for a command that uses a few tables of a file that a year of history makes
     * hundreds of MB, whose whole check takes a second or more. A file that is not a database at all
     * is still found and set aside; the window checks the whole file once it is up ({@link #checkWhole()}).
     */
    public static Database open(Path file, List<Migration> steps, List<String> checkedTables) {
        return open(file, steps, connection -> checks(connection, checkedTables));
    }

    /**
     * Opens {@code file} as {@link #open(Path, List)} does, but leaves the check of the whole file to
     * {@link #checkWhole()}, to run once the app is at work: only the schema is read (which finds a file
     * that is not a database). A file that such a check found damaged earlier is handled here as
     * {@link #open(Path, List)} handles a damaged file: moved aside, and a new one started.
     */
    public static Database openCheckingLater(Path file, List<Migration> steps) {
        Path target = file.toAbsolutePath();
        return open(file, steps, connection -> {
            Optional<String> marked = DamageMark.read(target);
            if (marked.isPresent()) {
                throw new SQLiteException("an earlier check found it damaged: " + marked.get(),
                        SQLiteErrorCode.SQLITE_CORRUPT);
            }
            return List.of("SELECT 'ok' FROM (SELECT count(*) FROM sqlite_schema)");
        });
    }

    /** The integrity checks to run on a new connection; each answers "ok" when it finds nothing wrong. */
    @FunctionalInterface
    private interface Checks {
        List<String> of(Connection connection) throws SQLException;
    }

    private static Database open(Path file, List<Migration> steps, Checks checks) {
        Migrations.check(steps);
        Path target = file.toAbsolutePath();
        createFolder(target.getParent());
        String notice = null;
        Connection connection;
        try {
            connection = connectChecked(target, checks);
        } catch (SQLException failed) {
            OpenFailure failure = OpenFailure.of(failed);
            if (failure != OpenFailure.DAMAGED) {
                throw new StoreException(failure.message(target, firstLine(failed)), failed);
            }
            Path kept = moveAside(target, "damaged");
            DamageMark.clear(target);
            notice = "The database " + target + " could not be read (" + firstLine(failed)
                    + "); it was kept as " + kept + " and a new one was started.";
            LOG.log(System.Logger.Level.WARNING, notice, failed);
            connection = connectFresh(target);
        }
        try {
            Path backup = migrate(connection, target, steps);
            return new Database(target, connection, backup, notice);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof StoreException se) {
                throw se;
            }
            if (e instanceof SQLException sql && OpenFailure.of(sql) != OpenFailure.OTHER) {
                throw new StoreException(OpenFailure.of(sql).message(target, firstLine(e)), e);
            }
            throw new StoreException("Could not update the database " + target + ": " + firstLine(e), e);
        }
    }

    /**
     * Opens {@code file} to read a few values quickly, as it is: read-only, without the integrity
     * check and without migrating it (a read of a table it lacks fails), and without creating it.
     * For what the command line reads before it starts working, e.g. the limits in the settings;
     * what is written, and every other read, goes through {@link #open}.
     */
    public static Database openToRead(Path file) {
        Path target = file.toAbsolutePath();
        if (!Files.isRegularFile(target)) {
            throw new StoreException("There is no database " + target + ".");
        }
        try {
            SqliteLibrary.prepare();
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(5_000);
            return new Database(target, config.createConnection("jdbc:sqlite:" + target), null, null);
        } catch (SQLException e) {
            throw new StoreException(OpenFailure.of(e).message(target, firstLine(e)), e);
        }
    }

    /**
     * This open file with its connection seen through {@code decorator} (e.g. one that logs, times
     * or slows each statement). The returned database takes this one's place: use it, not this one.
     */
    public Database decorated(UnaryOperator<Connection> decorator) {
        return new Database(file, decorator.apply(connection), backup, recoveryNotice);
    }

    public Path file() {
        return file;
    }

    /** The copy written before the last migration of an existing database, if one was made. */
    public Optional<Path> backup() {
        return Optional.ofNullable(backup);
    }

    /** Set when a damaged file was moved aside on open: says where the old file is kept. */
    public Optional<String> recoveryNotice() {
        return Optional.ofNullable(recoveryNotice);
    }

    @Override
    public synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not read from the database " + file + ": " + firstLine(e), e);
        }
    }

    @Override
    public synchronized <T> T write(SqlWork<T> work) {
        try {
            return inTransaction(connection, work);
        } catch (SQLException e) {
            throw new StoreException("Could not write to the database " + file + ": " + firstLine(e), e);
        }
    }

    /**
     * Runs SQLite's check over the whole file on a connection of its own (seconds for a large file:
     * call it off the start and off the JavaFX thread). When it finds damage it marks the file, so the
     * next {@link #openCheckingLater} sets it aside, and returns a sentence that tells the user so.
     */
    public Optional<String> checkWhole() {
        return WholeFileCheck.run(file);
    }

    /** The schema version of the open file. */
    public int version() {
        return read(Database::userVersion);
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private static Connection connectChecked(Path target, Checks checks) throws SQLException {
        Connection connection = connect(target);
        try {
            for (String check : checks.of(connection)) {
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(check)) {
                    String result = rs.next() ? rs.getString(1) : "no answer";
                    if (!"ok".equalsIgnoreCase(result)) {
                        throw new SQLiteException("integrity check: " + result, SQLiteErrorCode.SQLITE_CORRUPT);
                    }
                }
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** The integrity checks to run: of the whole file, or of each of these tables that it has. */
    private static List<String> checks(Connection connection, List<String> tables) throws SQLException {
        if (tables.isEmpty()) {
            return List.of("PRAGMA quick_check");
        }
        List<String> checks = new ArrayList<>();
        // reading the schema is also what finds a file that is not a database
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
            while (rs.next()) {
                if (tables.contains(rs.getString(1))) {
                    checks.add("PRAGMA quick_check(\"" + rs.getString(1).replace("\"", "\"\"") + "\")");
                }
            }
        }
        return checks;
    }

    private static Connection connectFresh(Path target) {
        try {
            return connect(target);
        } catch (SQLException e) {
            throw new StoreException("Could not create the database " + target + ": " + firstLine(e), e);
        }
    }

    private static Connection connect(Path target) throws SQLException {
        SqliteLibrary.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.createConnection("jdbc:sqlite:" + target);
    }

    private static Path migrate(Connection connection, Path target, List<Migration> steps) throws SQLException {
        int latest = Migrations.latest(steps);
        int current = userVersion(connection);
        if (current > latest) {
            throw new StoreException("The database " + target + " was written by a newer Parley (schema "
                    + current + ", this one knows " + latest + "): update Parley, or set PARLEY_HOME to another folder.");
        }
        if (current == latest) {
            return null;
        }
        Path backup = hasContent(connection) ? backupBeforeMigration(connection, target, current) : null;
        LOG.log(System.Logger.Level.INFO, "migrating {0} from schema {1} to {2}{3}", target, current, latest,
                backup == null ? "" : ", copy kept as " + backup);
        for (Migration step : steps.subList(current, steps.size())) {
            inTransaction(connection, c -> applyIfNeeded(c, step));
        }
        LOG.log(System.Logger.Level.INFO, "{0} is at schema {1}", target, latest);
        return backup;
    }

    private static Void applyIfNeeded(Connection connection, Migration step) throws SQLException {
        // another process may have migrated between our check and our write lock
        if (userVersion(connection) >= step.version()) {
            return null;
        }
        try (Statement st = connection.createStatement()) {
            for (String sql : step.statements()) {
                st.executeUpdate(sql);
            }
            st.executeUpdate("PRAGMA user_version = " + step.version());
        }
        return null;
    }

    private static Path backupBeforeMigration(Connection connection, Path target, int version) throws SQLException {
        Path copy = target.resolveSibling(target.getFileName() + ".v" + version + "-"
                + LocalDateTime.now().format(STAMP) + ".bak");
        try (PreparedStatement st = connection.prepareStatement("VACUUM INTO ?")) {
            st.setString(1, copy.toString());
            st.execute();
        }
        return copy;
    }

    private static boolean hasContent(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static Path moveAside(Path target, String label) {
        Path kept = target.resolveSibling(target.getFileName() + "." + label + "-" + LocalDateTime.now().format(STAMP));
        try {
            Files.move(target, kept);
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = target.resolveSibling(target.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, kept.resolveSibling(kept.getFileName() + suffix));
                }
            }
            return kept;
        } catch (IOException e) {
            throw new StoreException("The database " + target + " is damaged and could not be moved aside ("
                    + e.getMessage() + "): move it away yourself, then start Parley again.", e);
        }
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("Could not create the data folder " + folder + " (" + e.getMessage()
                    + "): set PARLEY_HOME to a folder you can write to.", e);
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing is best effort: nothing is pending, every write has committed or rolled back
        }
    }
}
