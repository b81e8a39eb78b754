-- The schema of a Parley team workspace, version 1.
-- Run it once in the workspace's database as the owner of its schema, e.g.
--   psql "postgresql://admin@db.example.com/parley" -f team-workspace.sql
-- Members who connect later find the schema at its version; Parley migrates it itself when its role may.
BEGIN;

CREATE TABLE parley_schema (version INTEGER NOT NULL);

CREATE TABLE team_member (
  name TEXT PRIMARY KEY,
  computer TEXT NOT NULL,
  joined_at_ms BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL
);

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
);

CREATE INDEX team_ledger_day ON team_ledger (day);

CREATE INDEX team_ledger_member_day ON team_ledger (member, day);

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
);

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
END $$;

CREATE TRIGGER team_daily_insert AFTER INSERT ON team_ledger FOR EACH ROW EXECUTE FUNCTION team_daily_add();

CREATE TABLE team_reservation (
  row_key TEXT PRIMARY KEY,
  member TEXT NOT NULL,
  amount_usd NUMERIC NOT NULL,
  at_ms BIGINT NOT NULL,
  expires_at_ms BIGINT NOT NULL
);

CREATE TABLE team_budget (
  scope TEXT PRIMARY KEY,
  daily_usd NUMERIC,
  monthly_usd NUMERIC,
  hard_stop BOOLEAN NOT NULL,
  set_by TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);

CREATE TABLE team_price (
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  input_usd NUMERIC NOT NULL,
  output_usd NUMERIC NOT NULL,
  cached_usd NUMERIC,
  set_by TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  PRIMARY KEY (provider, model)
);

CREATE TABLE team_preset (
  name TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  member TEXT NOT NULL,
  computer TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);

CREATE TABLE team_experiment (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  member TEXT NOT NULL,
  computer TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);

CREATE TABLE team_conversation (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  member TEXT NOT NULL,
  computer TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);

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
);

INSERT INTO parley_schema (version) VALUES (1);

COMMIT;
