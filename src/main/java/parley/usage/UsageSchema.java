package parley.usage;

import java.util.List;
import parley.store.Migration;

/** The tables of the usage ledger and of the stored prices, as migration statements. */
public final class UsageSchema {
    /** The tables the usage service reads and writes: the ledger, the prices, and the settings (budgets, local marks). */
    public static final List<String> TABLES = List.of("usage_ledger", "model_price", "settings");

    private UsageSchema() {}

    /** Money is stored as decimal text so that no amount ever passes through a binary float. */
    private static final List<String> STATEMENTS = List.of("""
            CREATE TABLE usage_ledger (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              at_ms INTEGER NOT NULL,
              day TEXT NOT NULL,
              provider TEXT NOT NULL,
              model TEXT NOT NULL,
              prompt_tokens INTEGER NOT NULL,
              completion_tokens INTEGER NOT NULL,
              reasoning_tokens INTEGER NOT NULL,
              cached_tokens INTEGER NOT NULL,
              estimated INTEGER NOT NULL,
              cost_usd TEXT,
              ttft_ms INTEGER,
              duration_ms INTEGER NOT NULL,
              outcome TEXT NOT NULL,
              conversation_id TEXT,
              message_id TEXT,
              origin TEXT NOT NULL
            )""",
            "CREATE INDEX usage_ledger_day ON usage_ledger(day)",
            "CREATE INDEX usage_ledger_conversation ON usage_ledger(conversation_id)",
            """
            CREATE TABLE model_price (
              provider TEXT NOT NULL,
              model TEXT NOT NULL,
              source TEXT NOT NULL,
              input_usd TEXT NOT NULL,
              output_usd TEXT NOT NULL,
              cached_usd TEXT,
              as_of TEXT NOT NULL,
              PRIMARY KEY (provider, model, source)
            )""");

    /** The ledger's and prices' schema step; its version and SQL are in users' files already and never change. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration(2, STATEMENTS));
}
