-- idsettle ledger schema, version 2, for H2 2.x.
-- Drops the two foreign keys from transfers to accounts. The store never writes a transfer without
-- having read both of its accounts under lock in the same transaction, and never deletes an account
-- (an ID that is done with is voided, not deleted). Do not delete rows from idsettle_account.

ALTER TABLE idsettle_transfer DROP CONSTRAINT IF EXISTS idsettle_transfer_debit_fk;
ALTER TABLE idsettle_transfer DROP CONSTRAINT IF EXISTS idsettle_transfer_credit_fk;

MERGE INTO idsettle_schema_version (version, description) KEY (version)
  VALUES (2, 'transfers without foreign keys');
