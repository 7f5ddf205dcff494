package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.internal.Keys;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.money.Money;
import dev.idsettle.spi.StoreException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Authorizes by debiting the ID towards the service's revenue accounts; batches in one call. Made
 * by a {@link SettlementManager}, it spends the ID's envelope for its service where the ID has one,
 * and tells a service the ID is not routed to so ({@link DenialReason#WRONG_SERVICE}).
 */
final class DefaultSettlementAuthenticator implements SettlementAuthenticator {
  private final IdSettle settle;
  private final Service service;
  private final @Nullable Routes routes;
  private final @Nullable DefaultSettlementManager network;
  private final AccountId[] revenue;
  private final String code;
  private final @Nullable String source;
  private final GuardScope scope;

  DefaultSettlementAuthenticator(
      IdSettle settle, Service service, @Nullable DefaultSettlementManager network) {
    this(settle, service, network, null);
  }

  /** With a {@code source}, the handle of that source only (see {@link IdSettle#authenticator}). */
  DefaultSettlementAuthenticator(
      IdSettle settle,
      Service service,
      @Nullable DefaultSettlementManager network,
      @Nullable String source) {
    this.settle = settle;
    this.source = source;
    this.network = network;
    this.routes = network == null ? null : network.routes;
    this.service = Checks.notNull(service, "service");
    if (!service.lowBalanceReference().currency().equals(settle.currency)) {
      throw Checks.invalid(
          "service.lowBalanceReference",
          service.lowBalanceReference(),
          "must be in the ledger's currency " + settle.currency);
    }
    this.revenue =
        settle.operatorAccounts().revenueAccounts(service.name()).toArray(AccountId[]::new);
    this.code = "svc:" + service.name();
    String identity = "service:" + service.name() + (source == null ? "" : "/" + source);
    this.scope = settle.guard.scope(identity, service.name());
  }

  /** The budgets this handle answers to. */
  GuardScope scope() {
    return scope;
  }

  @Override
  public Service service() {
    return service;
  }

  /** The lone request: the steps of {@link #authorizeAll} without its lists and maps. */
  @Override
  public AuthorizationResult authorize(AuthorizationRequest request) {
    Checks.notNull(request, "request");
    AuthorizationResult early = screen(request);
    if (early != null) {
      return early;
    }
    if (scope.blocked()) {
      return scope.throttled();
    }
    AccountId account;
    List<CommandResult> outcomes;
    try {
      if (network != null && network.subIds.isSubId(request.id())) {
        account = network.resolveSubId(request.id(), service.name());
      } else {
        account = settle.resolver.usable(request.id());
      }
      if (account == null) {
        return miss(request);
      }
      ensureRevenue();
      outcomes = settle.ledger.submit(LedgerBatch.create().add(debit(request, spending(account))));
    } catch (StoreException e) {
      return StoreFailures.authorization(e);
    }
    CommandResult outcome = outcomes.get(0);
    AuthorizationResult result = judge(request, outcome, account);
    LowBalanceEvent event = AuthorizationResults.crossing(service, request, outcome);
    if (event != null) {
      settle.fire(List.of(event));
    }
    return result;
  }

  @Override
  public List<AuthorizationResult> authorizeAll(List<AuthorizationRequest> requests) {
    return AuthorizationBatch.run(this, requests);
  }

  /** This device's ledger, roles and budgets, for {@link AuthorizationBatch}. */
  IdSettle settle() {
    return settle;
  }

  /** The network this device was registered with, or null for a device of {@link IdSettle}. */
  @Nullable DefaultSettlementManager network() {
    return network;
  }

  /** Creates the service's revenue accounts, once per process. */
  void ensureRevenue() {
    settle.ensureOperatorAccounts(code, List.of(revenue));
  }

  @Nullable AuthorizationResult screen(AuthorizationRequest r) {
    if (!r.amount().currency().equals(settle.currency)) {
      return new Denial(
          DenialReason.WRONG_CURRENCY,
          null,
          "amount is in "
              + r.amount().currency()
              + ", service "
              + service.name()
              + " is in "
              + settle.currency);
    }
    if (!r.amount().isPositive()) {
      return new Denial(
          DenialReason.INVALID_AMOUNT, null, "amount must be positive, was " + r.amount());
    }
    return null;
  }

  /**
   * A miss (an ID never issued, or not sold): counted in the budgets, and answered alike for both,
   * or {@link DenialReason#THROTTLED} if a budget had no room for it.
   */
  Denial miss(AuthorizationRequest r) {
    if (!scope.miss()) {
      return scope.throttled();
    }
    return new Denial(DenialReason.UNKNOWN_ID, null, "ID " + r.id() + " cannot be used");
  }

  LedgerCommand debit(AuthorizationRequest r, AccountId account) {
    String from = source;
    return LedgerCommand.post(
        from == null
            ? Keys.debit(service.name(), r.terminal(), r.reference())
            : Keys.debit(service.name(), from, r.terminal(), r.reference()),
        account,
        revenue[settle.operatorAccounts().revenueShard(r.terminal())],
        r.amount().minor(),
        code);
  }

  /** The account a request of this service spends: the ID's envelope for it, or the ID. */
  AccountId spending(AccountId id) {
    if (routes == null) {
      return id;
    }
    AccountId envelope = routes.envelope(id, service.name());
    return envelope == null ? id : envelope;
  }

  AuthorizationResult judge(AuthorizationRequest r, CommandResult outcome, AccountId id) {
    Account after = outcome.debitAfter();
    Refusal refusal = outcome.refusal();
    if (refusal != null && routes != null) {
      String routed = routes.route(id);
      if (routed != null && !routed.equals(service.name())) {
        return new Denial(
            DenialReason.WRONG_SERVICE,
            null,
            "ID " + r.id() + " is usable at another service only, not at " + service.name());
      }
    }
    if (refusal == Refusal.NOT_ACTIVATED) {
      // sold, cached, then reversed: from now on read like any unsold ID, and answered as one
      settle.resolver.forget(r.id());
      return miss(r);
    }
    if (refusal != null) {
      DenialReason reason =
          after != null && after.state() == AccountState.MERGED
              ? DenialReason.MERGED
              : DenialReason.of(refusal);
      // a replay's images are today's: the balance the refusal was judged on is not kept
      Money balance =
          reason == DenialReason.INSUFFICIENT_BALANCE && after != null && !outcome.replayed()
              ? after.availableBalance()
              : null;
      return new Denial(
          reason,
          balance,
          "ID "
              + r.id()
              + ": "
              + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + (balance == null ? "" : " (balance " + balance + ", asked " + r.amount() + ")")
              + (outcome.replayed()
                  ? " (replay: reference " + r.reference() + " was refused so before)"
                  : ""),
          outcome.replayed());
    }
    Money balance = Objects.requireNonNull(after).availableBalance();
    return new Permit(
        Objects.requireNonNull(outcome.transfer()).id(),
        r.amount(),
        balance,
        balance.minor() < service.lowBalanceReference().minor(),
        outcome.replayed());
  }
}
