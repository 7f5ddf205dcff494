-- idsettle ledger schema, version 3, for H2 2.x.
-- Changes nothing on H2. On PostgreSQL this version drops the CHECK constraints that only restate
-- what the store's types guarantee (value sets of kinds and hold states, positive account ids,
-- 32-byte ID hashes), because PostgreSQL prepares every CHECK anew for each statement. H2 compiles
-- a table's checks once, when it opens the table, so here they cost only their evaluation per row
-- and stay.

MERGE INTO idsettle_schema_version (version, description) KEY (version)
  VALUES (3, 'only the checks that guard money');
