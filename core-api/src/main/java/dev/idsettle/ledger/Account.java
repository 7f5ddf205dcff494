package dev.idsettle.ledger;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * One account of the double-entry ledger, as a store keeps it. Immutable; the ledger computes new
 * images and the store writes them.
 *
 * @param id the account's identity
 * @param kind what it stands for
 * @param currency every transfer on it is in this currency
 * @param state its lifecycle state (operator accounts: {@link AccountState#OPEN})
 * @param posted balance in minor units: credits minus debits of its posted transfers
 * @param reserved minor units held by open holds on it (never negative)
 * @param expiry its expiry policy
 * @param expiresAt when it expires, once the policy has fixed it
 * @param idHash the keyed hash of the ID number, for ID accounts
 */
public record Account(
    AccountId id,
    AccountKind kind,
    Currency currency,
    AccountState state,
    long posted,
    long reserved,
    ExpiryPolicy expiry,
    @Nullable Instant expiresAt,
    @Nullable IdHash idHash) {

  /** Checks the fields that a store must never be handed wrong. */
  public Account {
    Checks.notNull(id, "id");
    Checks.notNull(kind, "kind");
    Checks.notNull(currency, "currency");
    Checks.notNull(state, "state");
    Checks.notNull(expiry, "expiry");
    if (reserved < 0) {
      throw new InvalidRequestException("reserved must not be negative, was " + reserved);
    }
  }

  /** A new ID account in the issued state. */
  public static Account issued(AccountId id, IdHash hash, Currency currency, ExpiryPolicy expiry) {
    Checks.notNull(hash, "hash");
    return new Account(id, AccountKind.ID, currency, AccountState.ISSUED, 0, 0, expiry, null, hash);
  }

  /** A new operator account. */
  public static Account operator(AccountId id, Currency currency) {
    return new Account(
        id,
        AccountKind.OPERATOR,
        currency,
        AccountState.OPEN,
        0,
        0,
        ExpiryPolicy.never(),
        null,
        null);
  }

  /** Posted balance minus open holds: what can still be spent. */
  public long available() {
    return posted - reserved;
  }

  /** The posted balance as money. */
  public Money balance() {
    return Money.of(posted, currency);
  }

  /** The available balance as money. */
  public Money availableBalance() {
    return Money.of(available(), currency);
  }

  /** Whether the ledger forbids its available balance going below zero. */
  public boolean mustNotOverdraw() {
    return kind == AccountKind.ID;
  }

  /**
   * The state as the rules see it at {@code now}: {@link AccountState#EXPIRED} for an account that
   * is still active or exhausted but whose expiry has passed.
   */
  public AccountState effectiveState(Instant now) {
    boolean live = state == AccountState.ACTIVE || state == AccountState.EXHAUSTED;
    if (live && expiresAt != null && !now.isBefore(expiresAt)) {
      return AccountState.EXPIRED;
    }
    return state;
  }

  Account with(
      AccountState newState, long newPosted, long newReserved, @Nullable Instant newExpiresAt) {
    return new Account(
        id, kind, currency, newState, newPosted, newReserved, expiry, newExpiresAt, idHash);
  }
}
