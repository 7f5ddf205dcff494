-- idsettle ledger schema, version 2, for SQLite.
-- Changes nothing on SQLite. On H2 and PostgreSQL this version drops the foreign keys from
-- transfers to accounts; SQLite's version 1 came later and keeps them (a look-up in the process per
-- row). Do not delete rows from idsettle_account.

INSERT INTO idsettle_schema_version (version, description)
  VALUES (2, 'transfers without foreign keys') ON CONFLICT (version) DO NOTHING;
