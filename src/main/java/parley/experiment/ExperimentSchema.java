package parley.experiment;

import java.util.List;
import parley.store.Migration;

/**
 * The tables of saved experiments: each experiment's definition (its JSON, and its prompt's text for
 * search), and one row per cell result, written as each cell ends so a half-run experiment is kept.
 * A result's figures have columns of their own (reading 1,000 of them is a plain scan, no JSON to
 * parse); its error and its checks' verdicts, when it has them, are JSON; {@code cost_usd} is the
 * exact decimal as text.
 * Two full-text indexes (FTS5, kept in step by triggers like the history's) find experiments by name,
 * prompt and reply text.
 */
public final class ExperimentSchema {
    private ExperimentSchema() {}

    private static final String[] TABLES = {
        """
        CREATE TABLE experiments (
            num INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            prompt TEXT NOT NULL,
            definition TEXT NOT NULL,
            cell_count INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL)""",
        "CREATE INDEX experiments_by_creation ON experiments(created_at DESC)",
        """
        CREATE TABLE experiment_cells (
            num INTEGER PRIMARY KEY,
            experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
            cell INTEGER NOT NULL,
            status TEXT NOT NULL,
            content TEXT NOT NULL,
            reasoning TEXT NOT NULL,
            finish_reason TEXT,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            total_tokens INTEGER,
            reasoning_tokens INTEGER,
            cached_tokens INTEGER,
            truncated INTEGER NOT NULL,
            cost_usd TEXT,
            ttft_ms INTEGER,
            duration_ms INTEGER NOT NULL,
            tokens_per_second REAL,
            error TEXT,
            verdicts TEXT,
            rating INTEGER,
            started_at TEXT,
            UNIQUE (experiment_id, cell))""",
        """
        CREATE VIRTUAL TABLE experiments_fts USING fts5(name, prompt, content='experiments',
            content_rowid='num', tokenize='unicode61 remove_diacritics 2')""",
        """
        CREATE TRIGGER experiments_fts_insert AFTER INSERT ON experiments BEGIN
            INSERT INTO experiments_fts(rowid, name, prompt) VALUES (new.num, new.name, new.prompt);
        END""",
        """
        CREATE TRIGGER experiments_fts_delete AFTER DELETE ON experiments BEGIN
            INSERT INTO experiments_fts(experiments_fts, rowid, name, prompt)
                VALUES ('delete', old.num, old.name, old.prompt);
        END""",
        """
        CREATE TRIGGER experiments_fts_update AFTER UPDATE OF name, prompt ON experiments BEGIN
            INSERT INTO experiments_fts(experiments_fts, rowid, name, prompt)
                VALUES ('delete', old.num, old.name, old.prompt);
            INSERT INTO experiments_fts(rowid, name, prompt) VALUES (new.num, new.name, new.prompt);
        END""",
        """
        CREATE VIRTUAL TABLE experiment_cells_fts USING fts5(content, content='experiment_cells',
            content_rowid='num', tokenize='unicode61 remove_diacritics 2')""",
        """
        CREATE TRIGGER experiment_cells_fts_insert AFTER INSERT ON experiment_cells BEGIN
            INSERT INTO experiment_cells_fts(rowid, content) VALUES (new.num, new.content);
        END""",
        """
        CREATE TRIGGER experiment_cells_fts_delete AFTER DELETE ON experiment_cells BEGIN
            INSERT INTO experiment_cells_fts(experiment_cells_fts, rowid, content) VALUES ('delete', old.num, old.content);
        END""",
        """
        CREATE TRIGGER experiment_cells_fts_update AFTER UPDATE OF content ON experiment_cells BEGIN
            INSERT INTO experiment_cells_fts(experiment_cells_fts, rowid, content) VALUES ('delete', old.num, old.content);
            INSERT INTO experiment_cells_fts(rowid, content) VALUES (new.num, new.content);
        END"""
    };

    /**
     * The experiments' schema step; once published its version and SQL are in users' files and never
     * change (another feature's step landing first takes 8, and this one the next free number).
     */
    public static final List<Migration> MIGRATIONS = List.of(new Migration(8, TABLES));
}
