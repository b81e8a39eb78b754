package parley.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The migrations runner's rules. Each feature declares the schema steps of its own tables next to
 * its queries; {@link #chain} merges them into the one numbered sequence {@link Database#open} runs.
 * Versions are global across features: a new step takes the next free number, and a step that has
 * been published is never edited, renumbered or moved to another version.
 */
public final class Migrations {
    private Migrations() {}

    /** Every owner's steps in version order; refuses a version given twice or one left out. */
    @SafeVarargs
    public static List<Migration> chain(List<Migration>... owners) {
        List<Migration> steps = new ArrayList<>();
        for (List<Migration> owner : owners) {
            steps.addAll(owner);
        }
        steps.sort(Comparator.comparingInt(Migration::version));
        check(steps);
        return List.copyOf(steps);
    }

    /** The version a database has once every step has run. */
    public static int latest(List<Migration> steps) {
        return steps.isEmpty() ? 0 : steps.getLast().version();
    }

    static void check(List<Migration> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).version() != i + 1) {
                throw new IllegalStateException("migration " + (i + 1) + " is missing, given twice or out of order:"
                        + " found " + steps.get(i).version());
            }
        }
    }
}
