-- idsettle ledger schema, version 1, for PostgreSQL 12+ and PostgreSQL-compatible databases.
-- Applied by dev.idsettle.store.jdbc.SchemaMigrator exactly as written here (in one transaction);
-- a DBA may apply it by hand instead. Every statement is idempotent.
-- Instants are epoch nanoseconds (BIGINT, UTC): to_timestamp(created_ns / 1e9) reads one.

CREATE TABLE IF NOT EXISTS idsettle_schema_version (
  version INTEGER NOT NULL PRIMARY KEY,
  description VARCHAR(200) NOT NULL,
  installed_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS idsettle_account (
  id BIGINT NOT NULL PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  currency CHAR(3) NOT NULL,
  state VARCHAR(16) NOT NULL,
  posted BIGINT NOT NULL,
  reserved BIGINT NOT NULL,
  expiry VARCHAR(64) NOT NULL,
  expires_at_ns BIGINT,
  id_hash BYTEA,
  version BIGINT DEFAULT 0 NOT NULL,
  CONSTRAINT idsettle_account_id_positive CHECK (id > 0),
  CONSTRAINT idsettle_account_kind CHECK (kind IN ('ID', 'OPERATOR')),
  CONSTRAINT idsettle_account_reserved_not_negative CHECK (reserved >= 0),
  CONSTRAINT idsettle_account_available_not_negative CHECK (kind <> 'ID' OR posted >= reserved),
  CONSTRAINT idsettle_account_id_hash_length CHECK (id_hash IS NULL OR OCTET_LENGTH(id_hash) = 32),
  CONSTRAINT idsettle_account_id_hash_unique UNIQUE (id_hash)
);

CREATE TABLE IF NOT EXISTS idsettle_transfer (
  seq BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
  id UUID NOT NULL PRIMARY KEY,
  debit_id BIGINT NOT NULL,
  credit_id BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  kind VARCHAR(8) NOT NULL,
  pending_id UUID,
  timeout_ns BIGINT,
  hold_state VARCHAR(10) NOT NULL,
  refusal VARCHAR(32),
  code VARCHAR(64) NOT NULL,
  created_ns BIGINT NOT NULL,
  CONSTRAINT idsettle_transfer_debit_fk FOREIGN KEY (debit_id) REFERENCES idsettle_account (id),
  CONSTRAINT idsettle_transfer_credit_fk FOREIGN KEY (credit_id) REFERENCES idsettle_account (id),
  CONSTRAINT idsettle_transfer_amount_not_negative CHECK (amount >= 0),
  CONSTRAINT idsettle_transfer_kind CHECK (kind IN ('POST', 'HOLD', 'CAPTURE', 'VOID', 'EXPIRE')),
  CONSTRAINT idsettle_transfer_hold_state
    CHECK (hold_state IN ('NONE', 'OPEN', 'CAPTURED', 'VOIDED', 'EXPIRED')),
  CONSTRAINT idsettle_transfer_open_hold_has_timeout
    CHECK (hold_state <> 'OPEN' OR timeout_ns IS NOT NULL)
);

-- an account's journal, oldest first
CREATE INDEX IF NOT EXISTS idsettle_transfer_debit ON idsettle_transfer (debit_id, seq);
CREATE INDEX IF NOT EXISTS idsettle_transfer_credit ON idsettle_transfer (credit_id, seq);

-- open holds by timeout, for the sweep
CREATE INDEX IF NOT EXISTS idsettle_transfer_open_holds ON idsettle_transfer (timeout_ns)
  WHERE hold_state = 'OPEN';

INSERT INTO idsettle_schema_version (version, description) VALUES (1, 'ledger')
  ON CONFLICT (version) DO NOTHING;
