-- idsettle ledger schema, version 2, for PostgreSQL 12+ and PostgreSQL-compatible databases.
-- Drops the two foreign keys from transfers to accounts. The store never writes a transfer without
-- having read (under lock) or written (guarded by its image) both of its accounts in the same
-- transaction, and never deletes an account (an ID that is done with is voided, not deleted).
-- Each key cost a look-up and a row lock per transfer row: about 15 % of a single debit's database
-- time, measured with pg_stat_statements. Do not delete rows from idsettle_account.

ALTER TABLE idsettle_transfer DROP CONSTRAINT IF EXISTS idsettle_transfer_debit_fk;
ALTER TABLE idsettle_transfer DROP CONSTRAINT IF EXISTS idsettle_transfer_credit_fk;

INSERT INTO idsettle_schema_version (version, description)
  VALUES (2, 'transfers without foreign keys') ON CONFLICT (version) DO NOTHING;
