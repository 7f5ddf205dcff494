package dev.idsettle.operator;

/** What a {@link Difference} is about. */
public enum DifferenceKind {
  /**
   * An account's posted balance is not the sum of its moving transfers (a balance or an amount was
   * changed).
   */
  BALANCE_MISMATCH,
  /** An account's reserved amount is not the sum of its open holds. */
  RESERVED_MISMATCH,
  /** A hold's state disagrees with the transfers that resolved it. */
  HOLD_STATE_MISMATCH,
  /** A transfer names an account that has no row. */
  ACCOUNT_MISSING,
  /** A transfer does not match its seal (changed, or a transfer before it deleted or changed). */
  TRANSFER_SEAL_MISMATCH,
  /** A transfer written after sealing began has no seal. */
  TRANSFER_UNSEALED,
  /** An account row does not match its seal. */
  ACCOUNT_SEAL_MISMATCH,
  /** An account with sealed transfers has no seal. */
  ACCOUNT_UNSEALED,
  /**
   * An account's chain head is not the seal of its last transfer (transfers deleted at the end).
   */
  CHAIN_HEAD_MISMATCH,
  /** Another finding of the ledger's audit that means tampering. */
  LEDGER_TAMPERED,
  /** The balances of all accounts in a currency do not sum to zero: value was made or lost. */
  VALUE_NOT_CONSERVED,
  /** The gateway took a charge that no sale records. */
  CHARGE_WITHOUT_SALE,
  /** A sale delivered an ID but the gateway shows no charge for it. */
  SALE_WITHOUT_CHARGE,
  /** A sale's price and the gateway's charge for it differ. */
  CHARGE_AMOUNT_MISMATCH,
  /** What the gateway refunded of a charge differs from what its sale says was refunded. */
  REFUND_MISMATCH,
  /** The gateway took a charge for a sale that has not delivered its ID (yet, or ever). */
  CHARGE_NOT_DELIVERED,
  /** A call record's collected amount differs from the sum of the captures it names. */
  CALL_RECORD_MISMATCH,
  /** A call record names a capture the ledger does not have applied. */
  RECORD_CAPTURE_MISSING,
  /** The metering engine captured value that no call record names. */
  CAPTURE_WITHOUT_RECORD,
  /** A transfer's call record cannot be read (its description was changed). */
  CALL_RECORD_UNREADABLE
}
