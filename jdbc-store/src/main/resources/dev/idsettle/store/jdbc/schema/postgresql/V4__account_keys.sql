-- idsettle ledger schema, version 4, for PostgreSQL 12+ and PostgreSQL-compatible databases.
-- Account keys: a unique keyed hash (HMAC under the issuer key) that finds an account, with the
-- account it belongs to. One table for everything found by a secret or linked to another account:
-- sub-IDs, holders, envelopes of an ID per service, successors of merged IDs (see
-- dev.idsettle.ledger.AccountKey). Rows are inserted once and never updated or deleted. Each
-- statement is idempotent.

CREATE TABLE IF NOT EXISTS idsettle_account_key (
  seq BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
  hash BYTEA NOT NULL PRIMARY KEY,
  account_id BIGINT NOT NULL,
  owner_id BIGINT,
  tag VARCHAR(64) NOT NULL
);

-- an owner's keys (an ID's envelopes and sub-IDs, a holder's IDs), oldest first
CREATE INDEX IF NOT EXISTS idsettle_account_key_owner ON idsettle_account_key (owner_id, seq);

INSERT INTO idsettle_schema_version (version, description)
  VALUES (4, 'account keys') ON CONFLICT (version) DO NOTHING;
