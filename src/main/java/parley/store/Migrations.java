package parley.store;

import java.util.List;

/**
 * Every schema step, in order. To add tables, append one {@code new Migration(next, "CREATE ...", ...)}
 * line at the end of {@link #ALL}; never edit or reorder a step that has been published.
 */
public final class Migrations {
    private Migrations() {}

    public static final List<Migration> ALL = List.of(
            new Migration(1, "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            new Migration(2, parley.usage.UsageSchema.STATEMENTS),
            new Migration(3, HistorySchema.TABLES),
            new Migration(4, PresetStore.CREATE_TABLE)
    );

    /** The version a database has once every step has run. */
    public static int latest(List<Migration> steps) {
        return steps.isEmpty() ? 0 : steps.getLast().version();
    }

    static void check(List<Migration> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).version() != i + 1) {
                throw new IllegalStateException("migration " + (i + 1) + " is missing or out of order: found "
                        + steps.get(i).version());
            }
        }
    }
}
