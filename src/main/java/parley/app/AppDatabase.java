package parley.app;

import java.nio.file.Path;
import java.util.List;
import parley.capability.RefusalStore;
import parley.experiment.ExperimentSchema;
import parley.history.HistorySchema;
import parley.mcp.ServerStore;
import parley.preset.PresetStore;
import parley.prompt.PromptSchema;
import parley.store.DataFolder;
import parley.store.Database;
import parley.store.Migration;
import parley.store.Migrations;
import parley.store.Settings;
import parley.team.TeamOutbox;
import parley.usage.UsageSchema;

/**
 * Parley's one database file with the tables of every feature. Each feature owns its tables, their
 * queries and their schema steps; this is the one list that registers those steps with the store's
 * migrations runner. A feature with new tables adds its steps here.
 */
public final class AppDatabase {
    /** Every feature's schema steps, in version order. */
    public static final List<Migration> MIGRATIONS = Migrations.chain(
            Settings.MIGRATIONS,
            UsageSchema.MIGRATIONS,
            HistorySchema.MIGRATIONS,
            PresetStore.MIGRATIONS,
            RefusalStore.MIGRATIONS,
            ServerStore.MIGRATIONS,
            ExperimentSchema.MIGRATIONS,
            PromptSchema.MIGRATIONS,
            TeamOutbox.MIGRATIONS);

    private AppDatabase() {}

    /** Opens {@code file} with every feature's tables, migrating it to the latest version. */
    public static Database open(Path file) {
        return Database.open(file, MIGRATIONS);
    }

    /**
     * Opens {@code file} with every feature's tables, migrating it to the latest version, and checks
     * only {@code checkedTables} for damage (see {@link Database#open(Path, List, List)}).
     */
    public static Database open(Path file, List<String> checkedTables) {
        return Database.open(file, MIGRATIONS, checkedTables);
    }

    /**
     * Opens {@code file} for the window: migrated, without the check of the whole file, which the
     * window runs once it is up ({@link Database#checkWhole()}); a file that check found damaged is
     * set aside here (see {@link Database#openCheckingLater}).
     */
    public static Database openForWindow(Path file) {
        return Database.openCheckingLater(file, MIGRATIONS);
    }

    /** Opens {@code parley.db} in the data folder ({@link DataFolder}) for the window, see {@link #openForWindow}. */
    public static Database openDefault() {
        return openForWindow(DataFolder.resolve().resolve(Database.FILE_NAME));
    }
}
