package dev.idsettle.tck;

import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's rules for ID accounts, written as plainly as possible and single-threaded: what
 * {@link LedgerModelProperties} compares the real ledger with. Operator accounts (cash, revenue)
 * are left out: they accept everything.
 */
final class ReferenceModel {
  /** How long every hold lives. */
  static final Duration HOLD_TIMEOUT = Duration.ofMinutes(90);

  /** An ID account as the model sees it. */
  static final class Id {
    final ExpiryPolicy policy;
    AccountState state = AccountState.ISSUED;
    long posted;
    long reserved;
    @Nullable Instant expiresAt;
    long activated;

    Id(ExpiryPolicy policy) {
      this.policy = policy;
    }

    Id copy() {
      Id c = new Id(policy);
      c.state = state;
      c.posted = posted;
      c.reserved = reserved;
      c.expiresAt = expiresAt;
      c.activated = activated;
      return c;
    }
  }

  /** A hold as the model sees it; {@code applied} false for a refused one. */
  static final class Hold {
    final int id;
    final long amount;
    final Instant timeout;
    final boolean applied;
    HoldState state;

    Hold(int id, long amount, Instant timeout, boolean applied) {
      this.id = id;
      this.amount = amount;
      this.timeout = timeout;
      this.applied = applied;
      this.state = applied ? HoldState.OPEN : HoldState.NONE;
    }
  }

  final List<Id> ids = new ArrayList<>();
  final List<Hold> holds = new ArrayList<>();
  Instant now;

  ReferenceModel(Instant start, List<ExpiryPolicy> policies) {
    this.now = start;
    policies.forEach(p -> ids.add(new Id(p)));
  }

  /** The state the rules see: expired once a live account's expiry has passed. */
  AccountState effective(Id a) {
    boolean live = a.state == AccountState.ACTIVE || a.state == AccountState.EXHAUSTED;
    Instant at = a.expiresAt;
    return live && at != null && !now.isBefore(at) ? AccountState.EXPIRED : a.state;
  }

  /** Releases the due open holds of ID {@code i} (the ledger does so when it debits an ID). */
  void expireDue(int i) {
    for (Hold h : holds) {
      if (h.id == i && h.state == HoldState.OPEN && !now.isBefore(h.timeout)) {
        h.state = HoldState.EXPIRED;
        ids.get(i).reserved -= h.amount;
      }
    }
  }

  @Nullable Refusal activate(int i, long amount) {
    expireDue(i);
    Id a = ids.get(i).copy();
    AccountState s = effective(a);
    if (s != AccountState.ISSUED) {
      return Refusal.forState(s);
    }
    a.state = AccountState.ACTIVE;
    if (a.expiresAt == null) {
      a.expiresAt = a.policy.onActivation(now);
    }
    Refusal r = checkCredit(a);
    if (r != null) {
      return r;
    }
    a.posted += amount;
    a.activated = amount;
    ids.set(i, a);
    return null;
  }

  @Nullable Refusal topUp(int i, long amount) {
    Id a = ids.get(i);
    Refusal r = checkCredit(a);
    if (r != null) {
      return r;
    }
    a.posted += amount;
    if (a.state == AccountState.EXHAUSTED) {
      a.state = AccountState.ACTIVE;
    }
    return null;
  }

  @Nullable Refusal debit(int i, long amount) {
    expireDue(i);
    Id a = ids.get(i);
    Refusal r = checkDebit(a, amount);
    if (r != null) {
      return r;
    }
    spend(a, amount, 0);
    return null;
  }

  @Nullable Refusal hold(int i, long amount) {
    expireDue(i);
    Id a = ids.get(i);
    Refusal r = checkDebit(a, amount);
    holds.add(new Hold(i, amount, now.plus(HOLD_TIMEOUT), r == null));
    if (r != null) {
      return r;
    }
    spend(a, 0, amount);
    return null;
  }

  @Nullable Refusal resolve(@Nullable Hold h, boolean capture, long amount) {
    if (h == null) {
      return Refusal.HOLD_NOT_FOUND;
    }
    // the ledger locks the account of any transfer the command names, even a refused hold's
    expireDue(h.id);
    if (!h.applied) {
      return Refusal.HOLD_NOT_FOUND;
    }
    if (h.state == HoldState.EXPIRED) {
      return Refusal.HOLD_EXPIRED;
    }
    if (h.state != HoldState.OPEN) {
      return Refusal.HOLD_ALREADY_RESOLVED;
    }
    Id a = ids.get(h.id);
    if (capture && amount > h.amount) {
      return Refusal.CAPTURE_EXCEEDS_HOLD;
    }
    a.reserved -= h.amount;
    if (capture) {
      a.posted -= amount;
      exhaustAtZero(a);
    }
    h.state = capture ? HoldState.CAPTURED : HoldState.VOIDED;
    return null;
  }

  @Nullable Refusal reverse(int i, long amount) {
    expireDue(i);
    Id a = ids.get(i).copy();
    Refusal r = checkDebit(a, amount);
    if (r != null) {
      return r;
    }
    spend(a, amount, 0);
    AccountState s = effective(a);
    if (s != AccountState.ACTIVE && s != AccountState.EXHAUSTED) {
      return Refusal.forState(s);
    }
    if (a.posted != 0 || a.reserved != 0) {
      return Refusal.NOT_EMPTY;
    }
    a.state = AccountState.ISSUED;
    a.expiresAt = null;
    ids.set(i, a);
    return null;
  }

  @Nullable Refusal block(int i) {
    expireDue(i);
    Id a = ids.get(i);
    AccountState s = effective(a);
    if (s != AccountState.ACTIVE && s != AccountState.EXHAUSTED) {
      return Refusal.forState(s);
    }
    a.state = AccountState.BLOCKED;
    return null;
  }

  private @Nullable Refusal checkDebit(Id a, long amount) {
    AccountState s = effective(a);
    if (s != AccountState.ACTIVE) {
      return Refusal.forState(s);
    }
    return a.posted - a.reserved < amount ? Refusal.INSUFFICIENT_BALANCE : null;
  }

  private @Nullable Refusal checkCredit(Id a) {
    AccountState s = effective(a);
    return s == AccountState.ACTIVE || s == AccountState.EXHAUSTED ? null : Refusal.forState(s);
  }

  private void spend(Id a, long amount, long hold) {
    if (a.expiresAt == null) {
      a.expiresAt = a.policy.onFirstUse(now);
    }
    a.posted -= amount;
    a.reserved += hold;
    exhaustAtZero(a);
  }

  private static void exhaustAtZero(Id a) {
    if (a.state == AccountState.ACTIVE && a.posted == 0) {
      a.state = AccountState.EXHAUSTED;
    }
  }
}
