package dev.idsettle.ledger;

import dev.idsettle.ledger.LedgerCommand.TransferCommand;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rules of moving value: a post, a hold, its capture or void, and a hold timing out. Each
 * method checks everything before it writes anything, so a refused command has changed nothing.
 */
final class MoveRules {
  private final Instant now;
  private final WriteSet writes;
  private final long maxIdBalance;

  MoveRules(Instant now, WriteSet writes, long maxIdBalance) {
    this.now = now;
    this.writes = writes;
    this.maxIdBalance = maxIdBalance;
  }

  /** A POST or a HOLD. */
  @Nullable Refusal move(TransferCommand t) {
    AccountId debitId = Objects.requireNonNull(t.debit());
    AccountId creditId = Objects.requireNonNull(t.credit());
    if (t.amount() <= 0) {
      return Refusal.INVALID_AMOUNT;
    }
    if (debitId.equals(creditId)) {
      return Refusal.SAME_ACCOUNT;
    }
    Account debit = writes.account(debitId);
    Account credit = writes.account(creditId);
    if (debit == null || credit == null) {
      return Refusal.ACCOUNT_NOT_FOUND;
    }
    if (!debit.currency().equals(credit.currency())) {
      return Refusal.CURRENCY_MISMATCH;
    }
    Refusal refusal = checkDebit(debit, t.amount());
    if (refusal == null) {
      refusal = checkCredit(credit);
    }
    if (refusal != null) {
      return refusal;
    }
    boolean hold = t.kind() == TransferKind.HOLD;
    long debitPosted;
    long debitReserved;
    long creditPosted;
    try {
      debitPosted = hold ? debit.posted() : Math.subtractExact(debit.posted(), t.amount());
      debitReserved = hold ? Math.addExact(debit.reserved(), t.amount()) : debit.reserved();
      creditPosted = hold ? credit.posted() : Math.addExact(credit.posted(), t.amount());
    } catch (ArithmeticException e) {
      return Refusal.OVERFLOW;
    }
    if (!hold && overLimit(credit, creditPosted)) {
      return Refusal.BALANCE_LIMIT;
    }
    writes.put(withUse(debit, debitPosted, debitReserved));
    if (!hold) {
      writes.put(credited(credit, creditPosted));
    }
    writes.insert(
        new Transfer(
            t.id(),
            debitId,
            creditId,
            t.amount(),
            t.kind(),
            null,
            hold ? now.plus(Objects.requireNonNull(t.holdTimeout())) : null,
            hold ? HoldState.OPEN : HoldState.NONE,
            null,
            t.code(),
            now,
            t.description()));
    return null;
  }

  /** A CAPTURE or a VOID of an open hold. */
  @Nullable Refusal resolution(TransferCommand t) {
    Transfer hold = writes.transfer(Objects.requireNonNull(t.pendingId()));
    if (hold == null || hold.kind() != TransferKind.HOLD || !hold.applied()) {
      return Refusal.HOLD_NOT_FOUND;
    }
    if (hold.holdState() == HoldState.EXPIRED) {
      return Refusal.HOLD_EXPIRED;
    }
    if (hold.holdState() != HoldState.OPEN) {
      return Refusal.HOLD_ALREADY_RESOLVED;
    }
    Account debit = writes.account(hold.debit());
    Account credit = writes.account(hold.credit());
    if (debit == null || credit == null) {
      return Refusal.ACCOUNT_NOT_FOUND;
    }
    boolean capture = t.kind() == TransferKind.CAPTURE;
    if (capture) {
      Refusal refusal = capture(t, hold, debit, credit);
      if (refusal != null) {
        return refusal;
      }
    } else {
      writes.put(released(debit, hold));
    }
    writes.resolve(hold, capture ? HoldState.CAPTURED : HoldState.VOIDED);
    writes.insert(
        new Transfer(
            t.id(),
            hold.debit(),
            hold.credit(),
            t.amount(),
            t.kind(),
            hold.id(),
            null,
            HoldState.NONE,
            null,
            t.code(),
            now,
            t.description()));
    return null;
  }

  private @Nullable Refusal capture(
      TransferCommand t, Transfer hold, Account debit, Account credit) {
    if (t.amount() <= 0) {
      return Refusal.INVALID_AMOUNT;
    }
    if (t.amount() > hold.amount()) {
      return Refusal.CAPTURE_EXCEEDS_HOLD;
    }
    Refusal refusal = checkCredit(credit);
    if (refusal != null) {
      return refusal;
    }
    long creditPosted;
    try {
      creditPosted = Math.addExact(credit.posted(), t.amount());
    } catch (ArithmeticException e) {
      return Refusal.OVERFLOW;
    }
    if (overLimit(credit, creditPosted)) {
      return Refusal.BALANCE_LIMIT;
    }
    writes.put(settled(debit, debit.posted() - t.amount(), debit.reserved() - hold.amount()));
    writes.put(credited(credit, creditPosted));
    return null;
  }

  /** Whether {@code t} is an open hold whose timeout has come. */
  boolean isDue(Transfer t) {
    Instant timeout = t.timeout();
    return t.kind() == TransferKind.HOLD
        && t.holdState() == HoldState.OPEN
        && timeout != null
        && !now.isBefore(timeout);
  }

  /** Releases a hold whose timeout has come and records it as an EXPIRE transfer. */
  void expire(Transfer hold) {
    Account debit = writes.account(hold.debit());
    if (debit == null) {
      return;
    }
    writes.put(released(debit, hold));
    writes.resolve(hold, HoldState.EXPIRED);
    writes.insert(
        new Transfer(
            expiryIdOf(hold.id()),
            hold.debit(),
            hold.credit(),
            0,
            TransferKind.EXPIRE,
            hold.id(),
            null,
            HoldState.NONE,
            null,
            "expire",
            now));
  }

  /** The id of the transfer that records hold {@code holdId} timing out. */
  static TransferId expiryIdOf(TransferId holdId) {
    return TransferId.derive("idsettle:expire", holdId.toString());
  }

  private @Nullable Refusal checkDebit(Account debit, long amount) {
    if (!debit.mustNotOverdraw()) {
      return null;
    }
    AccountState state = debit.effectiveState(now);
    if (state != AccountState.ACTIVE) {
      return Refusal.forState(state);
    }
    return debit.available() < amount ? Refusal.INSUFFICIENT_BALANCE : null;
  }

  private @Nullable Refusal checkCredit(Account credit) {
    if (!credit.mustNotOverdraw()) {
      return null;
    }
    AccountState state = credit.effectiveState(now);
    return state == AccountState.ACTIVE || state == AccountState.EXHAUSTED
        ? null
        : Refusal.forState(state);
  }

  /**
   * The one rule of the balance limit: an ID (an account that must not overdraw) stays under it.
   */
  private boolean overLimit(Account credit, long posted) {
    return credit.mustNotOverdraw() && posted > maxIdBalance;
  }

  /** The debit account after spending: first use fixes a first-use expiry; zero exhausts it. */
  private Account withUse(Account debit, long posted, long reserved) {
    Instant expiresAt = debit.expiresAt();
    if (debit.mustNotOverdraw() && expiresAt == null) {
      expiresAt = debit.expiry().onFirstUse(now);
    }
    return settled(debit, posted, reserved, expiresAt);
  }

  private static Account released(Account debit, Transfer hold) {
    return debit.with(
        debit.state(), debit.posted(), debit.reserved() - hold.amount(), debit.expiresAt());
  }

  private static Account settled(Account a, long posted, long reserved) {
    return settled(a, posted, reserved, a.expiresAt());
  }

  private static Account settled(
      Account a, long posted, long reserved, @Nullable Instant expiresAt) {
    AccountState state = a.state();
    if (a.mustNotOverdraw() && state == AccountState.ACTIVE && posted == 0) {
      state = AccountState.EXHAUSTED;
    }
    return a.with(state, posted, reserved, expiresAt);
  }

  private static Account credited(Account a, long posted) {
    AccountState state = a.state();
    if (state == AccountState.EXHAUSTED && posted > 0) {
      state = AccountState.ACTIVE;
    }
    return a.with(state, posted, a.reserved(), a.expiresAt());
  }
}
