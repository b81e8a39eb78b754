-- A role for Parley's members that may read and write Parley's tables and nothing else: no other
-- table, no new tables. Run it as the owner of the database after team-workspace.sql (or after the
-- first `parley team connect` by a role that may create tables). Change the name, the password and
-- the database; members connect with --user parley_member.
CREATE ROLE parley_member LOGIN PASSWORD 'CHANGE-ME';
GRANT CONNECT ON DATABASE parley TO parley_member;
GRANT USAGE ON SCHEMA public TO parley_member;
GRANT SELECT, INSERT, UPDATE, DELETE ON parley_schema, team_member, team_ledger, team_daily, team_reservation,
  team_budget, team_price, team_preset, team_experiment, team_conversation, prompt_version TO parley_member;
