-- idsettle ledger schema, version 3, for SQLite.
-- Changes nothing on SQLite. On PostgreSQL this version drops the checks that only restate what the
-- store's types guarantee, because PostgreSQL prepares every check anew for each statement; SQLite
-- compiles them with the statement and evaluates them per row, so here they all stay.

INSERT INTO idsettle_schema_version (version, description)
  VALUES (3, 'only the checks that guard money') ON CONFLICT (version) DO NOTHING;
