-- idsettle ledger schema, version 4, for SQLite 3.41 or newer.
-- Account keys: a unique keyed hash (HMAC under the issuer key) that finds an account, with the
-- account it belongs to. One table for everything found by a secret or linked to another account:
-- sub-IDs, holders, envelopes of an ID per service, successors of merged IDs (see
-- dev.idsettle.ledger.AccountKey). Rows are inserted once and never updated or deleted. Each
-- statement is idempotent. seq is the rowid: keys are appended in written order.

CREATE TABLE IF NOT EXISTS idsettle_account_key (
  seq INTEGER NOT NULL PRIMARY KEY,
  hash BLOB NOT NULL,
  account_id INTEGER NOT NULL,
  owner_id INTEGER,
  tag TEXT NOT NULL,
  CONSTRAINT idsettle_account_key_hash_unique UNIQUE (hash),
  CONSTRAINT idsettle_account_key_hash_length CHECK (length(hash) = 32),
  CONSTRAINT idsettle_account_key_tag_length CHECK (length(tag) <= 64)
) STRICT;

-- an owner's keys (an ID's envelopes and sub-IDs, a holder's IDs), oldest first
CREATE INDEX IF NOT EXISTS idsettle_account_key_owner ON idsettle_account_key (owner_id, seq);

INSERT INTO idsettle_schema_version (version, description) VALUES (4, 'account keys')
  ON CONFLICT (version) DO NOTHING;
