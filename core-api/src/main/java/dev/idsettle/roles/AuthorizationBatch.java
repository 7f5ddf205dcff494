package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A batch of a {@link DefaultSettlementAuthenticator}: screens every request, resolves the IDs in
 * one look-up, counts each miss in the device's budgets in the order of the batch (once a budget
 * refuses one, the rest of the batch is refused, not run), and submits the debits in one store
 * transaction.
 */
final class AuthorizationBatch {
  private AuthorizationBatch() {}

  /** See {@link SettlementAuthenticator#authorizeAll}, for {@code device}. */
  static List<AuthorizationResult> run(
      DefaultSettlementAuthenticator device, List<AuthorizationRequest> requests) {
    Checks.notNull(requests, "requests");
    for (int i = 0; i < requests.size(); i++) {
      Checks.notNull(requests.get(i), "requests[" + i + "]");
    }
    int n = requests.size();
    IdSettle settle = device.settle();
    DefaultSettlementManager network = device.network();
    Service service = device.service();
    List<@Nullable AuthorizationResult> results = new ArrayList<>(n);
    List<IdNumber> toResolve = new ArrayList<>();
    for (AuthorizationRequest r : requests) {
      AuthorizationResult early = device.screen(r);
      results.add(early);
      if (early == null) {
        toResolve.add(r.id());
      }
    }
    if (toResolve.isEmpty()) {
      return AuthorizationResults.finish(results);
    }
    if (device.scope().blocked()) {
      return AuthorizationResults.fill(results, device.scope().throttled());
    }
    Map<IdNumber, AccountId> accounts;
    try {
      accounts = new HashMap<>(settle.resolver.usable(toResolve));
      if (network != null) {
        for (int i = 0; i < n; i++) {
          AuthorizationRequest r = requests.get(i);
          if (results.get(i) == null && network.subIds.isSubId(r.id())) {
            AccountId found = network.resolveSubId(r.id(), service.name());
            if (found != null) {
              accounts.put(r.id(), found);
            } // else a miss, counted in order below
          }
        }
      }
    } catch (StoreException e) {
      return AuthorizationResults.fill(results, StoreFailures.authorization(e));
    }
    LedgerBatch batch = LedgerBatch.create();
    List<Integer> submitted = new ArrayList<>();
    // each miss counts, in order; once a budget refuses one, the rest of the batch is refused
    boolean throttled = false;
    for (int i = 0; i < n; i++) {
      if (results.get(i) != null) {
        continue;
      }
      AuthorizationRequest r = requests.get(i);
      throttled = throttled || device.scope().blocked();
      if (throttled) {
        results.set(i, device.scope().throttled());
        continue;
      }
      AccountId account = accounts.get(r.id());
      if (account == null) {
        Denial miss = device.miss(r);
        throttled = miss.reason() == DenialReason.THROTTLED;
        results.set(i, miss);
        continue;
      }
      try {
        batch.add(device.debit(r, device.spending(account)));
      } catch (StoreException e) {
        return AuthorizationResults.fill(results, StoreFailures.authorization(e));
      }
      submitted.add(i);
    }
    List<LowBalanceEvent> events = new ArrayList<>();
    if (!batch.isEmpty()) {
      List<CommandResult> outcomes;
      try {
        device.ensureRevenue();
        outcomes = settle.ledger.submit(batch);
      } catch (StoreException e) {
        return AuthorizationResults.fill(results, StoreFailures.authorization(e));
      }
      for (int k = 0; k < submitted.size(); k++) {
        int i = submitted.get(k);
        AuthorizationRequest r = requests.get(i);
        results.set(
            i, device.judge(r, outcomes.get(k), Objects.requireNonNull(accounts.get(r.id()))));
        LowBalanceEvent event = AuthorizationResults.crossing(service, r, outcomes.get(k));
        if (event != null) {
          events.add(event);
        }
      }
    }
    List<AuthorizationResult> out = AuthorizationResults.finish(results);
    settle.fire(events);
    return out;
  }
}
