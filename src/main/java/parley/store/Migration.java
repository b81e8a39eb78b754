package parley.store;

import java.util.List;

/**
 * One numbered step of the schema: its statements run in one transaction together with the
 * version bump, so a step is either fully applied or not at all.
 */
public record Migration(int version, List<String> statements) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, got " + version);
        }
        statements = List.copyOf(statements);
    }

    public Migration(int version, String... statements) {
        this(version, List.of(statements));
    }
}
