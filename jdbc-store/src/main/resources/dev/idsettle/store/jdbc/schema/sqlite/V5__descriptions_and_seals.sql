-- idsettle ledger schema, version 5, for SQLite 3.41 or newer.
-- Transfer descriptions and seals.
-- Descriptions: what a person reads later about a transfer (a call's destination and
-- increments, a sale's order), written in the same row as the transfer, so that a record and its
-- money can never disagree (see dev.idsettle.ledger.Description). Both columns are null for a
-- transfer without one, and for every transfer written before this version. The kind is at most 64
-- characters and the body at most 4096 bytes of UTF-8; the library checks both before writing.
-- SQLite has no ADD COLUMN IF NOT EXISTS: unlike the other files, this one is not idempotent by
-- itself. SchemaMigrator applies it in one transaction with its version row, and only to a
-- database at version 4; a DBA applying it by hand must do the same.
-- Seals (tamper evidence, see dev.idsettle.spi.Sealer and dev.idsettle.audit.LedgerAudit): a store
-- built with a sealing key writes with each transfer its HMAC-SHA256 under that key, chained to the
-- previous seal of each of its two accounts, and with each account it changes, its chain head (the
-- seal of its last transfer) and an HMAC over its balance fields and that head. All three are null
-- in rows written before this version or without a key: the audit reports such rows as predating
-- the chain, never as verified.

ALTER TABLE idsettle_transfer ADD COLUMN description_kind TEXT;
ALTER TABLE idsettle_transfer ADD COLUMN description_body TEXT;
ALTER TABLE idsettle_transfer ADD COLUMN seal BLOB;
ALTER TABLE idsettle_account ADD COLUMN chain_head BLOB;
ALTER TABLE idsettle_account ADD COLUMN seal BLOB;

INSERT INTO idsettle_schema_version (version, description) VALUES (5, 'transfer descriptions and seals')
  ON CONFLICT (version) DO NOTHING;
