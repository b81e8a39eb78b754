package parley.team;

import java.util.ArrayList;
import java.util.List;
import parley.prompt.PromptSchema;
import parley.store.Migration;

/**
 * The workspace's tables in PostgreSQL. Every shared row says who wrote it ({@code member}) and on
 * which computer. Money is {@code NUMERIC}: exact, summed exactly in SQL. The ledger is summed per
 * day, member, provider and model by a trigger, so the team's usage panel reads a few thousand rows
 * however long the ledger grows. A step's number and SQL never change once published.
 */
public final class TeamSchema {
    private static final List<String> FIRST = List.of("""
            CREATE TABLE team_member (
              name TEXT PRIMARY KEY,
              computer TEXT NOT NULL,
              joined_at_ms BIGINT NOT NULL,
              last_seen_ms BIGINT NOT NULL
            )""", """
            CREATE TABLE team_ledger (
              row_key TEXT PRIMARY KEY,
              member TEXT NOT NULL,
              computer TEXT NOT NULL,
              at_ms BIGINT NOT NULL,
              day DATE NOT NULL,
              provider TEXT NOT NULL,
              model TEXT NOT NULL,
              prompt_tokens BIGINT NOT NULL,
              completion_tokens BIGINT NOT NULL,
              reasoning_tokens BIGINT NOT NULL,
              cached_tokens BIGINT NOT NULL,
              estimated BOOLEAN NOT NULL,
              cost_usd NUMERIC,
              ttft_ms BIGINT,
              duration_ms BIGINT NOT NULL,
              outcome TEXT NOT NULL,
              origin TEXT NOT NULL
            )""",
            "CREATE INDEX team_ledger_day ON team_ledger (day)",
            "CREATE INDEX team_ledger_member_day ON team_ledger (member, day)", """
            CREATE TABLE team_daily (
              day DATE NOT NULL,
              member TEXT NOT NULL,
              provider TEXT NOT NULL,
              model TEXT NOT NULL,
              requests BIGINT NOT NULL,
              prompt_tokens BIGINT NOT NULL,
              completion_tokens BIGINT NOT NULL,
              reasoning_tokens BIGINT NOT NULL,
              cached_tokens BIGINT NOT NULL,
              estimated BIGINT NOT NULL,
              priced BIGINT NOT NULL,
              unknown BIGINT NOT NULL,
              cost_usd NUMERIC NOT NULL,
              PRIMARY KEY (day, member, provider, model)
            )""",
            "CREATE INDEX team_daily_member_day ON team_daily (member, day)", """
            CREATE FUNCTION team_daily_add() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO team_daily AS d VALUES (NEW.day, NEW.member, NEW.provider, NEW.model, 1,
                NEW.prompt_tokens, NEW.completion_tokens, NEW.reasoning_tokens, NEW.cached_tokens,
                CASE WHEN NEW.estimated THEN 1 ELSE 0 END, CASE WHEN NEW.cost_usd IS NULL THEN 0 ELSE 1 END,
                CASE WHEN NEW.cost_usd IS NULL THEN 1 ELSE 0 END, COALESCE(NEW.cost_usd, 0))
              ON CONFLICT (day, member, provider, model) DO UPDATE SET requests = d.requests + 1,
                prompt_tokens = d.prompt_tokens + EXCLUDED.prompt_tokens,
                completion_tokens = d.completion_tokens + EXCLUDED.completion_tokens,
                reasoning_tokens = d.reasoning_tokens + EXCLUDED.reasoning_tokens,
                cached_tokens = d.cached_tokens + EXCLUDED.cached_tokens,
                estimated = d.estimated + EXCLUDED.estimated, priced = d.priced + EXCLUDED.priced,
                unknown = d.unknown + EXCLUDED.unknown, cost_usd = d.cost_usd + EXCLUDED.cost_usd;
              RETURN NULL;
            END $$""",
            "CREATE TRIGGER team_daily_insert AFTER INSERT ON team_ledger FOR EACH ROW EXECUTE FUNCTION team_daily_add()",
            """
            CREATE TABLE team_reservation (
              row_key TEXT PRIMARY KEY,
              member TEXT NOT NULL,
              amount_usd NUMERIC NOT NULL,
              at_ms BIGINT NOT NULL,
              expires_at_ms BIGINT NOT NULL
            )""", """
            CREATE TABLE team_budget (
              scope TEXT PRIMARY KEY,
              daily_usd NUMERIC,
              monthly_usd NUMERIC,
              hard_stop BOOLEAN NOT NULL,
              set_by TEXT NOT NULL,
              at_ms BIGINT NOT NULL
            )""", """
            CREATE TABLE team_price (
              provider TEXT NOT NULL,
              model TEXT NOT NULL,
              input_usd NUMERIC NOT NULL,
              output_usd NUMERIC NOT NULL,
              cached_usd NUMERIC,
              set_by TEXT NOT NULL,
              at_ms BIGINT NOT NULL,
              PRIMARY KEY (provider, model)
            )""", """
            CREATE TABLE team_preset (
              name TEXT PRIMARY KEY,
              body TEXT NOT NULL,
              member TEXT NOT NULL,
              computer TEXT NOT NULL,
              at_ms BIGINT NOT NULL
            )""", """
            CREATE TABLE team_experiment (
              id TEXT PRIMARY KEY,
              name TEXT NOT NULL,
              body TEXT NOT NULL,
              member TEXT NOT NULL,
              computer TEXT NOT NULL,
              at_ms BIGINT NOT NULL
            )""", """
            CREATE TABLE team_conversation (
              id TEXT PRIMARY KEY,
              title TEXT NOT NULL,
              body TEXT NOT NULL,
              member TEXT NOT NULL,
              computer TEXT NOT NULL,
              at_ms BIGINT NOT NULL
            )""");

    /** Every step, in order. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration(1, first()));

    private TeamSchema() {}

    public static int latest() {
        return MIGRATIONS.getLast().version();
    }

    private static List<String> first() {
        List<String> all = new ArrayList<>(FIRST);
        all.addAll(PromptSchema.STATEMENTS);
        return all;
    }
}
