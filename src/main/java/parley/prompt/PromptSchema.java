package parley.prompt;

import java.util.List;
import parley.store.Migration;

/**
 * The prompt library's table, in SQL that SQLite and PostgreSQL both take: the personal library in
 * the local file and a team's in its workspace have the same shape. A prompt is the list of its
 * versions; the newest is the prompt. {@code params} is a JSON object of request parameters;
 * {@code member} and {@code computer} say who saved a version and where (empty in a personal library).
 */
public final class PromptSchema {
    public static final List<String> TABLES = List.of("prompt_version");

    /** The statements that create the table, for either database. */
    public static final List<String> STATEMENTS = List.of("""
            CREATE TABLE prompt_version (
              name TEXT NOT NULL,
              version INTEGER NOT NULL,
              system_text TEXT,
              text TEXT NOT NULL,
              model TEXT,
              params TEXT NOT NULL,
              note TEXT,
              member TEXT NOT NULL,
              computer TEXT NOT NULL,
              at_ms BIGINT NOT NULL,
              PRIMARY KEY (name, version)
            )""");

    /** The personal library's schema step in the local file. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration(11, STATEMENTS));

    private PromptSchema() {}
}
