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

    /**
     * Step 8: the ledger summed per day, provider and model, kept in step by a trigger on every row
     * added, so the usage panel, the budget check and the CLI read a year in a few thousand rows
     * instead of every request. Money stays exact: each amount is split into whole dollars and
     * picodollars (integers); an amount with more than 12 decimals, or any other form, is kept as
     * text in {@code cost_odd} and summed in Java ({@link UsageRollup}).
     */
    private static final List<String> DAILY = List.of("""
            CREATE TABLE usage_daily (
              day TEXT NOT NULL,
              provider TEXT NOT NULL,
              model TEXT NOT NULL,
              requests INTEGER NOT NULL,
              prompt_tokens INTEGER NOT NULL,
              completion_tokens INTEGER NOT NULL,
              reasoning_tokens INTEGER NOT NULL,
              cached_tokens INTEGER NOT NULL,
              estimated INTEGER NOT NULL,
              priced INTEGER NOT NULL,
              unknown INTEGER NOT NULL,
              cost_whole INTEGER NOT NULL,
              cost_pico INTEGER NOT NULL,
              cost_odd TEXT,
              PRIMARY KEY (day, provider, model)
            ) WITHOUT ROWID""",
            "INSERT INTO usage_daily " + UsageRollup.grouped("usage_ledger"),
            "CREATE TRIGGER usage_daily_insert AFTER INSERT ON usage_ledger BEGIN INSERT INTO usage_daily "
                    + UsageRollup.grouped("(SELECT new.day AS day, new.provider AS provider, new.model AS model, "
                    + "new.prompt_tokens AS prompt_tokens, new.completion_tokens AS completion_tokens, "
                    + "new.reasoning_tokens AS reasoning_tokens, new.cached_tokens AS cached_tokens, "
                    + "new.estimated AS estimated, new.cost_usd AS cost_usd)")
                    + " ON CONFLICT (day, provider, model) DO UPDATE SET requests = requests + excluded.requests, "
                    + "prompt_tokens = prompt_tokens + excluded.prompt_tokens, "
                    + "completion_tokens = completion_tokens + excluded.completion_tokens, "
                    + "reasoning_tokens = reasoning_tokens + excluded.reasoning_tokens, "
                    + "cached_tokens = cached_tokens + excluded.cached_tokens, "
                    + "estimated = estimated + excluded.estimated, priced = priced + excluded.priced, "
                    + "unknown = unknown + excluded.unknown, "
                    + "cost_whole = cost_whole + excluded.cost_whole + (cost_pico + excluded.cost_pico) / 1000000000000, "
                    + "cost_pico = (cost_pico + excluded.cost_pico) % 1000000000000, "
                    + "cost_odd = CASE WHEN excluded.cost_odd IS NULL THEN cost_odd WHEN cost_odd IS NULL "
                    + "THEN excluded.cost_odd ELSE cost_odd || ' ' || excluded.cost_odd END; END");

    /** The ledger's and prices' schema steps; a published step's version and SQL are in users' files already and never change. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration(2, STATEMENTS), new Migration(8, DAILY));
}
