package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Keys;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.money.Money;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Authorizes by debiting the ID towards the service's revenue accounts; batches in one call. */
final class DefaultSettlementAuthenticator implements SettlementAuthenticator {
  private final IdSettle settle;
  private final Service service;
  private final AccountId[] revenue = new AccountId[Keys.REVENUE_SHARDS];
  private final String code;

  DefaultSettlementAuthenticator(IdSettle settle, Service service) {
    this.settle = settle;
    this.service = Objects.requireNonNull(service, "service");
    if (!service.lowBalanceReference().currency().equals(settle.currency)) {
      throw new IllegalArgumentException(
          "service " + service.name() + ": lowBalanceReference must be in " + settle.currency);
    }
    for (int shard = 0; shard < revenue.length; shard++) {
      revenue[shard] = Keys.revenue(service.name(), settle.currency, shard);
    }
    this.code = "svc:" + service.name();
    settle.ensureOperatorAccounts(List.of(revenue));
  }

  @Override
  public Service service() {
    return service;
  }

  @Override
  public AuthorizationResult authorize(AuthorizationRequest request) {
    return authorizeAll(List.of(request)).get(0);
  }

  @Override
  public List<AuthorizationResult> authorizeAll(List<AuthorizationRequest> requests) {
    int n = requests.size();
    List<@Nullable AuthorizationResult> results = new ArrayList<>(n);
    List<IdNumber> toResolve = new ArrayList<>();
    for (AuthorizationRequest r : requests) {
      AuthorizationResult early = screen(r);
      results.add(early);
      if (early == null) {
        toResolve.add(r.id());
      }
    }
    if (toResolve.isEmpty()) {
      return finish(results);
    }
    Map<IdNumber, AccountId> accounts;
    try {
      accounts = settle.resolve(toResolve);
    } catch (StoreException e) {
      return fill(results, Unknown.of(e));
    }
    LedgerBatch batch = LedgerBatch.create();
    List<Integer> submitted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (results.get(i) != null) {
        continue;
      }
      AuthorizationRequest r = requests.get(i);
      AccountId account = accounts.get(r.id());
      if (account == null) {
        results.set(i, unknown(r));
        continue;
      }
      batch.add(
          LedgerCommand.post(
              Keys.debit(service.name(), r.terminal(), r.reference()),
              account,
              revenue[Keys.revenueShard(r.terminal())],
              r.amount().minor(),
              code));
      submitted.add(i);
    }
    List<LowBalanceEvent> events = new ArrayList<>();
    if (!batch.isEmpty()) {
      List<CommandResult> outcomes;
      try {
        outcomes = settle.ledger.submit(batch);
      } catch (StoreException e) {
        return fill(results, Unknown.of(e));
      }
      for (int k = 0; k < submitted.size(); k++) {
        int i = submitted.get(k);
        results.set(i, judge(requests.get(i), outcomes.get(k), events));
      }
    }
    List<AuthorizationResult> out = finish(results);
    settle.fire(events);
    return out;
  }

  private @Nullable AuthorizationResult screen(AuthorizationRequest r) {
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
    if (settle.throttle.isThrottled(r.terminal())) {
      return new Denial(
          DenialReason.THROTTLED,
          null,
          "terminal " + r.terminal() + " made too many attempts with unknown IDs");
    }
    return null;
  }

  private Denial unknown(AuthorizationRequest r) {
    settle.throttle.recordMiss(r.terminal());
    return new Denial(DenialReason.UNKNOWN_ID, null, "no ID " + r.id() + " was issued");
  }

  private AuthorizationResult judge(
      AuthorizationRequest r, CommandResult outcome, List<LowBalanceEvent> events) {
    Account after = outcome.debitAfter();
    Refusal refusal = outcome.refusal();
    if (refusal != null) {
      if (refusal == Refusal.NOT_ACTIVATED) {
        // counted like an unknown ID, so that the throttle does not tell the two apart either
        settle.throttle.recordMiss(r.terminal());
      }
      DenialReason reason = DenialReason.of(refusal);
      Money balance =
          reason == DenialReason.INSUFFICIENT_BALANCE && after != null
              ? after.availableBalance()
              : null;
      return new Denial(
          reason,
          balance,
          "ID "
              + r.id()
              + ": "
              + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + (balance == null ? "" : " (balance " + balance + ", asked " + r.amount() + ")"));
    }
    Money balance = Objects.requireNonNull(after).availableBalance();
    long reference = service.lowBalanceReference().minor();
    boolean low = balance.minor() < reference;
    long before = balance.minor() + r.amount().minor();
    if (low && !outcome.replayed() && before >= reference) {
      events.add(
          new LowBalanceEvent(r.id(), service.name(), balance, service.lowBalanceReference()));
    }
    return new Permit(
        Objects.requireNonNull(outcome.transfer()).id(),
        r.amount(),
        balance,
        low,
        outcome.replayed());
  }

  private static List<AuthorizationResult> fill(
      List<@Nullable AuthorizationResult> results, AuthorizationResult filler) {
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) == null) {
        results.set(i, filler);
      }
    }
    return finish(results);
  }

  private static List<AuthorizationResult> finish(List<@Nullable AuthorizationResult> results) {
    List<AuthorizationResult> out = new ArrayList<>(results.size());
    for (AuthorizationResult r : results) {
      out.add(Objects.requireNonNull(r));
    }
    return out;
  }
}
