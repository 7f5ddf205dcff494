-- idsettle ledger schema, version 5, for PostgreSQL 12+ and PostgreSQL-compatible databases.
-- Transfer descriptions and seals.
-- Descriptions: what a person reads later about a transfer (a call's destination and
-- increments, a sale's order), written in the same row as the transfer, so that a record and its
-- money can never disagree (see dev.idsettle.ledger.Description). Both columns are null for a
-- transfer without one, and for every transfer written before this version. The kind is at most 64
-- characters and the body at most 4096 bytes of UTF-8; the library checks both before writing.
-- Adding a nullable column without a default rewrites no row. Each statement is idempotent.
-- Seals (tamper evidence, see dev.idsettle.spi.Sealer and dev.idsettle.audit.LedgerAudit): a store
-- built with a sealing key writes with each transfer its HMAC-SHA256 under that key, chained to the
-- previous seal of each of its two accounts, and with each account it changes, its chain head (the
-- seal of its last transfer) and an HMAC over its balance fields and that head. All three are null
-- in rows written before this version or without a key: the audit reports such rows as predating
-- the chain, never as verified.

ALTER TABLE idsettle_transfer ADD COLUMN IF NOT EXISTS description_kind VARCHAR(64);
ALTER TABLE idsettle_transfer ADD COLUMN IF NOT EXISTS description_body TEXT;
ALTER TABLE idsettle_transfer ADD COLUMN IF NOT EXISTS seal BYTEA;
ALTER TABLE idsettle_account ADD COLUMN IF NOT EXISTS chain_head BYTEA;
ALTER TABLE idsettle_account ADD COLUMN IF NOT EXISTS seal BYTEA;

INSERT INTO idsettle_schema_version (version, description)
  VALUES (5, 'transfer descriptions and seals') ON CONFLICT (version) DO NOTHING;
