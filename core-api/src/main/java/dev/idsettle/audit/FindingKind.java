package dev.idsettle.audit;

/** What an {@link AuditFinding} found. */
public enum FindingKind {
  /**
   * A transfer's seal does not match its content chained to the previous seals of its accounts: the
   * row was changed, or a transfer before it on one of its accounts was deleted or changed.
   */
  TRANSFER_SEAL_MISMATCH(true),
  /** A transfer written after sealing began has no seal: its seal was removed. */
  TRANSFER_UNSEALED(true),
  /** An account's seal does not match its balance fields and chain head: the row was changed. */
  ACCOUNT_SEAL_MISMATCH(true),
  /** An account that has sealed transfers has no seal: its seal was removed. */
  ACCOUNT_UNSEALED(true),
  /**
   * An account's chain head is not the seal of its last sealed transfer: transfers at the end of
   * its journal were deleted (or its row was restored from an older copy).
   */
  CHAIN_HEAD_MISMATCH(true),
  /** An account's posted balance is not the sum of its moving transfers. */
  BALANCE_MISMATCH(true),
  /** An account's reserved amount is not the sum of its open holds. */
  RESERVED_MISMATCH(true),
  /** A hold's state disagrees with the transfers that resolved it (or that none did). */
  HOLD_STATE_MISMATCH(true),
  /** A transfer names an account that has no row. */
  ACCOUNT_MISSING(true),
  /**
   * Not tampering: an account has transfers written before the store sealed (a ledger of schema
   * version 4 or older, or a store run without a sealing key then). Their content cannot be vouched
   * for; the balance check still covers them.
   */
  PREDATES_CHAIN(false),
  /** Not tampering: the store keeps no seals, so only the balances were checked. */
  STORE_DOES_NOT_SEAL(false),
  /**
   * Not tampering: the store cannot list its rows ({@link dev.idsettle.spi.LedgerStore#journal()}
   * is empty), so nothing was checked.
   */
  JOURNAL_UNAVAILABLE(false);

  private final boolean tampering;

  FindingKind(boolean tampering) {
    this.tampering = tampering;
  }

  /** Whether this finding means a row was changed behind the library's back. */
  public boolean tampering() {
    return tampering;
  }
}
