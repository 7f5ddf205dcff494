package dev.idsettle.ledger;

import dev.idsettle.ledger.LedgerCommand.StateChange;
import dev.idsettle.ledger.LedgerCommand.Tombstone;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The rules of an account's life and of barred ids: a state change (activate, block, close, ...)
 * and a tombstone, which bars a transfer id without moving value.
 */
final class LifecycleRules {
  private final Instant now;
  private final WriteSet writes;

  LifecycleRules(Instant now, WriteSet writes) {
    this.now = now;
    this.writes = writes;
  }

  @Nullable Refusal stateChange(StateChange s) {
    Account account = writes.account(s.account());
    if (account == null) {
      return Refusal.ACCOUNT_NOT_FOUND;
    }
    AccountState current = account.effectiveState(now);
    if (!s.from().contains(current)) {
      return current == s.to() && s.to() == AccountState.ACTIVE
          ? Refusal.ALREADY_ACTIVE
          : Refusal.forState(current);
    }
    if (s.requireEmpty() && (account.posted() != 0 || account.reserved() != 0)) {
      return Refusal.NOT_EMPTY;
    }
    Instant expiresAt = account.expiresAt();
    if (s.to() == AccountState.ACTIVE && expiresAt == null) {
      expiresAt = account.expiry().onActivation(now);
    }
    if (s.to() == AccountState.ISSUED) {
      expiresAt = null;
    }
    writes.put(account.with(s.to(), account.posted(), account.reserved(), expiresAt));
    return null;
  }

  @Nullable Refusal tombstone(Tombstone t) {
    if (writes.account(t.debit()) == null || writes.account(t.credit()) == null) {
      return Refusal.ACCOUNT_NOT_FOUND;
    }
    writes.insert(tombstoneRow(t, Refusal.REVERSED, now));
    return null;
  }

  /** The row that bars a tombstone's id: moves nothing, carries the refusal. */
  static Transfer tombstoneRow(Tombstone t, Refusal refusal, Instant now) {
    return new Transfer(
        t.id(),
        t.debit(),
        t.credit(),
        0,
        TransferKind.POST,
        null,
        null,
        HoldState.NONE,
        refusal,
        t.code(),
        now);
  }
}
