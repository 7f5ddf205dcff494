-- idsettle ledger schema, version 1, for SQLite 3.41 or newer.
-- Applied by dev.idsettle.store.jdbc.SchemaMigrator exactly as written here; a DBA may apply it by
-- hand instead. Every statement is idempotent, so a run interrupted halfway can simply be repeated.
-- Written when the other dialects were at version 3: it is already the ledger of version 3 (the
-- files of versions 2 and 3 only record their number here), except that it keeps every check and
-- the foreign keys, which SQLite evaluates in the process at the cost of a look-up per row.
-- STRICT tables: a value of the wrong type, such as a 64-bit overflow turned into a REAL, fails the
-- statement instead of being stored. Instants are epoch nanoseconds (INTEGER, UTC); transfer ids
-- are UUIDs as 16-byte blobs, most significant byte first. The store turns foreign keys on for
-- every connection it writes on (PRAGMA foreign_keys = ON).

CREATE TABLE IF NOT EXISTS idsettle_schema_version (
  version INTEGER NOT NULL PRIMARY KEY,
  description TEXT NOT NULL,
  installed_at TEXT DEFAULT CURRENT_TIMESTAMP NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS idsettle_account (
  id INTEGER NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL,
  currency TEXT NOT NULL,
  state TEXT NOT NULL,
  posted INTEGER NOT NULL,
  reserved INTEGER NOT NULL,
  expiry TEXT NOT NULL,
  expires_at_ns INTEGER,
  id_hash BLOB,
  version INTEGER DEFAULT 0 NOT NULL,
  CONSTRAINT idsettle_account_id_positive CHECK (id > 0),
  CONSTRAINT idsettle_account_kind CHECK (kind IN ('ID', 'OPERATOR')),
  CONSTRAINT idsettle_account_currency_length CHECK (length(currency) = 3),
  CONSTRAINT idsettle_account_reserved_not_negative CHECK (reserved >= 0),
  CONSTRAINT idsettle_account_available_not_negative CHECK (kind <> 'ID' OR posted >= reserved),
  CONSTRAINT idsettle_account_id_hash_length CHECK (id_hash IS NULL OR length(id_hash) = 32),
  CONSTRAINT idsettle_account_id_hash_unique UNIQUE (id_hash)
) STRICT;

-- seq is the rowid: transfers are appended in written order, the journal's order
CREATE TABLE IF NOT EXISTS idsettle_transfer (
  seq INTEGER NOT NULL PRIMARY KEY,
  id BLOB NOT NULL,
  debit_id INTEGER NOT NULL,
  credit_id INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  kind TEXT NOT NULL,
  pending_id BLOB,
  timeout_ns INTEGER,
  hold_state TEXT NOT NULL,
  refusal TEXT,
  code TEXT NOT NULL,
  created_ns INTEGER NOT NULL,
  CONSTRAINT idsettle_transfer_id_unique UNIQUE (id),
  CONSTRAINT idsettle_transfer_id_length CHECK (length(id) = 16),
  CONSTRAINT idsettle_transfer_debit_fk FOREIGN KEY (debit_id) REFERENCES idsettle_account (id),
  CONSTRAINT idsettle_transfer_credit_fk FOREIGN KEY (credit_id) REFERENCES idsettle_account (id),
  CONSTRAINT idsettle_transfer_amount_not_negative CHECK (amount >= 0),
  CONSTRAINT idsettle_transfer_kind CHECK (kind IN ('POST', 'HOLD', 'CAPTURE', 'VOID', 'EXPIRE')),
  CONSTRAINT idsettle_transfer_hold_state
    CHECK (hold_state IN ('NONE', 'OPEN', 'CAPTURED', 'VOIDED', 'EXPIRED')),
  CONSTRAINT idsettle_transfer_open_hold_has_timeout
    CHECK (hold_state <> 'OPEN' OR timeout_ns IS NOT NULL)
) STRICT;

-- an account's journal, oldest first
CREATE INDEX IF NOT EXISTS idsettle_transfer_debit ON idsettle_transfer (debit_id, seq);
CREATE INDEX IF NOT EXISTS idsettle_transfer_credit ON idsettle_transfer (credit_id, seq);

-- open holds by timeout, for the sweep
CREATE INDEX IF NOT EXISTS idsettle_transfer_open_holds ON idsettle_transfer (timeout_ns)
  WHERE hold_state = 'OPEN';

INSERT INTO idsettle_schema_version (version, description) VALUES (1, 'ledger')
  ON CONFLICT (version) DO NOTHING;
