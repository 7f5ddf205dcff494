package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.AccountId;

/**
 * Looks ID numbers up for the sessions of a service at one source (a metering engine, an access
 * server) under the same guessing defence as {@link IdSettle#authenticator(Service, String)}: an ID
 * never issued and one issued but not sold are answered alike ({@link DenialReason#UNKNOWN_ID},
 * after the same store read), each such miss counts in the source's, the service's and the global
 * budget ({@link GuessingBudgets}), and a spent budget answers {@link DenialReason#THROTTLED}
 * without reading the store. The source's budget is the one of the authenticator of the same
 * service and source: a gate and that authenticator are one source of guesses. Thread-safe.
 */
public final class IdGate {
  private final IdSettle settle;
  private final GuardScope scope;

  IdGate(IdSettle settle, String service, String source) {
    this.settle = settle;
    this.scope = settle.guard.scope("service:" + service + "/" + source, service);
  }

  /**
   * Forgets {@code id}'s cached account: the ledger said it was not activated (sold, then the sale
   * reversed), so from now on it is looked up, and answered, like an unsold one.
   */
  public void forget(IdNumber id) {
    settle.resolver.forget(Checks.notNull(id, "id"));
  }

  /**
   * The account of {@code id} if it was sold (in any state after that: the ledger judges blocked,
   * exhausted or expired ones when the caller spends), else a {@link Denial}: {@link
   * DenialReason#UNKNOWN_ID} for a miss, {@link DenialReason#THROTTLED} once a budget is spent. A
   * sold ID's account id is cached (as for authorizations), so that look-up costs no store call
   * once made; an unsold or unknown ID reads the store every time.
   *
   * @throws dev.idsettle.spi.StoreException if the store failed
   */
  public GateResult find(IdNumber id) {
    Checks.notNull(id, "id");
    if (scope.blocked()) {
      return scope.throttled();
    }
    AccountId account = settle.resolver.usable(id);
    if (account != null) {
      return new Usable(account);
    }
    if (!scope.miss()) {
      return scope.throttled();
    }
    return new Denial(DenialReason.UNKNOWN_ID, null, "ID " + id + " cannot be used");
  }
}
