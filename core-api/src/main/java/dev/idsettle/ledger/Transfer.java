package dev.idsettle.ledger;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A journal entry as a store keeps it: immutable except for a hold's {@link #holdState}. A refused
 * transfer is kept too (with its {@link #refusal}) so that a retry gets the same answer; it moves
 * nothing.
 *
 * @param id caller-chosen identity and idempotency key
 * @param debit the account value leaves
 * @param credit the account value enters
 * @param amount minor units (0 for a void, an expiry or a recorded refusal without amount)
 * @param kind what it does
 * @param pendingId the hold a capture, void or expiry resolves
 * @param timeout when a hold times out
 * @param holdState for a hold: open, or how it was resolved
 * @param refusal why it was refused, or null if it was applied
 * @param code the caller's label (a service, a terminal, a purpose); at most 64 characters
 * @param timestamp when the ledger accepted it
 * @param description what a person reads later about it, written with it, or null
 */
public record Transfer(
    TransferId id,
    AccountId debit,
    AccountId credit,
    long amount,
    TransferKind kind,
    @Nullable TransferId pendingId,
    @Nullable Instant timeout,
    HoldState holdState,
    @Nullable Refusal refusal,
    String code,
    Instant timestamp,
    @Nullable Description description) {

  /** Checks the fields. */
  public Transfer {
    Checks.notNull(id, "id");
    Checks.notNull(debit, "debit");
    Checks.notNull(credit, "credit");
    Checks.notNull(kind, "kind");
    Checks.notNull(holdState, "holdState");
    Checks.notNull(code, "code");
    Checks.notNull(timestamp, "timestamp");
    if (amount < 0) {
      throw new InvalidRequestException("amount must not be negative, was " + amount);
    }
  }

  /** A transfer without a description. */
  public Transfer(
      TransferId id,
      AccountId debit,
      AccountId credit,
      long amount,
      TransferKind kind,
      @Nullable TransferId pendingId,
      @Nullable Instant timeout,
      HoldState holdState,
      @Nullable Refusal refusal,
      String code,
      Instant timestamp) {
    this(
        id, debit, credit, amount, kind, pendingId, timeout, holdState, refusal, code, timestamp,
        null);
  }

  /** Whether it was applied (not refused). */
  public boolean applied() {
    return refusal == null;
  }

  /** Whether it moved value on the posted balances (an applied post or capture). */
  public boolean moves() {
    return refusal == null && (kind == TransferKind.POST || kind == TransferKind.CAPTURE);
  }

  /** This hold, resolved to {@code state}. */
  public Transfer withHoldState(HoldState state) {
    return new Transfer(
        id,
        debit,
        credit,
        amount,
        kind,
        pendingId,
        timeout,
        state,
        refusal,
        code,
        timestamp,
        description);
  }
}
