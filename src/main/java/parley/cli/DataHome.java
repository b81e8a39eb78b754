package parley.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import parley.app.AppDatabase;
import parley.app.InputLimits;
import parley.store.DataFolder;
import parley.store.Database;
import parley.store.Settings;
import parley.usage.UsageSchema;

/** Opens the database in the data folder: {@code PARLEY_HOME} of the command's environment, else the usual place. */
final class DataHome {
    private DataHome() {}

    static Path folder(Map<String, String> env) {
        String home = env.get(DataFolder.HOME_VARIABLE);
        return home != null && !home.isBlank() ? Path.of(home).toAbsolutePath() : DataFolder.resolve();
    }

    static Database open(Map<String, String> env) {
        return open(env, System.err);
    }

    /**
     * The limits on what is read from outside, from the settings in the data folder; the defaults
     * when there is no database yet or it cannot be read (its trouble is told where it is written).
     * Read as the file is, without its checks and migrations: a command that writes opens it fully.
     */
    static InputLimits limits(Map<String, String> env) {
        Path file = folder(env).resolve(Database.FILE_NAME);
        if (!Files.exists(file)) {
            return InputLimits.DEFAULT;
        }
        try (Database db = Database.openToRead(file)) {
            return InputLimits.load(new Settings(db));
        } catch (RuntimeException e) {
            return InputLimits.DEFAULT;
        }
    }

    /** Opens the database; when a damaged file had to be set aside, says where it is kept, on one line of {@code err}. */
    static Database open(Map<String, String> env, PrintStream err) {
        return open(env, err, List.of());
    }

    /**
     * Opens the database for a command that uses only the usage ledger, the prices and the settings,
     * checking only those tables for damage: the history a year of use leaves is not read each time.
     */
    static Database openForUsage(Map<String, String> env, PrintStream err) {
        return open(env, err, UsageSchema.TABLES);
    }

    private static Database open(Map<String, String> env, PrintStream err, List<String> checkedTables) {
        Database db = AppDatabase.open(folder(env).resolve(Database.FILE_NAME), checkedTables);
        db.recoveryNotice().ifPresent(notice -> err.println("parley: " + notice));
        return db;
    }
}
