package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.roles.LinkedPlanner.Planned;
import dev.idsettle.roles.LinkedPlanner.Prepared;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Spends across a holder's linked IDs (claim 8): has {@link LinkedPlanner} plan the draws in the
 * documented order and submits them as one linked group whose first transfer has the id a plain
 * request would have. A request for an ID without a holder, or a sub-ID, or one the plain device
 * screens out, is the plain device's.
 *
 * <p>A plan made from the images the ledger last saw committed (no read) may be stale: if the
 * ledger refuses it for a balance or a state, the request is planned again from a fresh read and,
 * if that plan draws otherwise, submitted again under the retry's ids ({@link LinkedPlan#retryId}),
 * which a replay of the reference follows ({@link LinkedReplay}).
 *
 * <p>{@link #authorizeAll} keeps the interface's promise, per request: each request is its own
 * linked group, applied whole or refused whole, independently of the others, and all the groups go
 * to the ledger in one batch (one store transaction), in order (plus one more batch for the plans
 * made again). A request planned later in the batch plans from the balances less what the earlier
 * requests' plans draw. Requests that are the plain device's go to its {@link
 * SettlementAuthenticator#authorizeAll} in one batch of their own, before the linked ones.
 *
 * <p>It answers to the guessing budgets of the plain device ({@link GuardScope}: the service's
 * handle, the service, the global budget), which counts every miss, in the order of a batch: a
 * linked request after a request of the batch that was refused {@link DenialReason#THROTTLED} is
 * refused so too, as in the plain device's own batches, and a throttled handle is refused all.
 */
final class LinkedAuthenticator implements SettlementAuthenticator {
  private final IdSettle settle;
  private final DefaultSettlementAuthenticator plain;
  private final HolderBalances balances;
  private final LinkedPlanner planner;
  private final String service;
  private final String code;
  private final List<AccountId> revenue;
  private final LinkedOutcome outcomes;

  LinkedAuthenticator(
      DefaultSettlementManager manager, HolderKeys keys, DefaultSettlementAuthenticator plain) {
    this.settle = manager.settle;
    this.plain = plain;
    this.service = plain.service().name();
    this.balances = new HolderBalances(manager, service);
    this.code = "svc:" + service;
    this.revenue = settle.operatorAccounts().revenueAccounts(service);
    this.outcomes = new LinkedOutcome(settle, keys, balances, plain.service(), code);
    this.planner = new LinkedPlanner(manager, keys, balances, service, revenue, plain.scope());
  }

  @Override
  public Service service() {
    return plain.service();
  }

  @Override
  public AuthorizationResult authorize(AuthorizationRequest request) {
    Checks.notNull(request, "request");
    GuardScope scope = plain.scope();
    if (scope.blocked()) {
      return scope.throttled();
    }
    Prepared prepared = planner.prepare(request, new HashMap<>(), false);
    Planned plan = prepared.plan();
    if (plan == null) {
      AuthorizationResult answer = prepared.answer();
      return answer != null ? answer : plain.authorize(request);
    }
    List<LowBalanceEvent> events = new ArrayList<>(1);
    AuthorizationResult result;
    try {
      settle.ensureOperatorAccounts(code, revenue);
      CommandResult first = submit(LedgerBatch.create().addLinked(plan.legs())).get(0);
      Planned again = replan(plan, first, new HashMap<>());
      if (again != null) {
        if (!again.draws().equals(plan.draws())) {
          first = submit(LedgerBatch.create().addLinked(again.legs())).get(0);
        }
        plan = again;
      }
      result = outcomes.finish(plan, first, events);
    } catch (StoreException e) {
      return StoreFailures.authorization(e);
    }
    settle.fire(events);
    return result;
  }

  @Override
  public List<AuthorizationResult> authorizeAll(List<AuthorizationRequest> requests) {
    Checks.notNull(requests, "requests");
    for (int i = 0; i < requests.size(); i++) {
      Checks.notNull(requests.get(i), "requests[" + i + "]");
    }
    int n = requests.size();
    GuardScope scope = plain.scope();
    if (scope.blocked()) {
      return plain.authorizeAll(requests); // refuses what is not screened out, as throttled
    }
    List<@Nullable AuthorizationResult> results = new ArrayList<>(n);
    List<Integer> toPlain = new ArrayList<>();
    List<Integer> linked = new ArrayList<>();
    List<Planned> plans = new ArrayList<>();
    Map<AccountId, Long> drawn = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Prepared prepared = planner.prepare(requests.get(i), drawn, false);
      results.add(prepared.answer());
      Planned plan = prepared.plan();
      if (plan != null) {
        linked.add(i);
        plans.add(plan);
      } else if (prepared.answer() == null) {
        toPlain.add(i);
      }
    }
    if (!toPlain.isEmpty()) {
      List<AuthorizationRequest> theirs = new ArrayList<>(toPlain.size());
      for (int i : toPlain) {
        theirs.add(requests.get(i));
      }
      List<AuthorizationResult> answers = plain.authorizeAll(theirs);
      for (int k = 0; k < toPlain.size(); k++) {
        results.set(toPlain.get(k), answers.get(k));
      }
      refuseAfterThrottled(results, linked, plans, toPlain, scope);
    }
    List<LowBalanceEvent> events = new ArrayList<>();
    if (!plans.isEmpty()) {
      try {
        settle.ensureOperatorAccounts(code, revenue);
        LedgerBatch batch = LedgerBatch.create();
        for (Planned plan : plans) {
          batch.addLinked(plan.legs());
        }
        List<CommandResult> firsts = firsts(plans, submit(batch));
        replanRefused(plans, firsts);
        for (int k = 0; k < plans.size(); k++) {
          results.set(linked.get(k), outcomes.finish(plans.get(k), firsts.get(k), events));
        }
      } catch (StoreException e) {
        return AuthorizationResults.fill(results, StoreFailures.authorization(e));
      }
    }
    List<AuthorizationResult> out = AuthorizationResults.finish(results);
    settle.fire(events);
    return out;
  }

  /**
   * Refuses, as throttled, the planned requests that come after the first request the plain device
   * refused so (its misses spent a budget): the batch is judged in order, as one of the plain
   * device's. A plan dropped drew after every plan kept, so the kept ones planned from balances it
   * did not touch.
   */
  private static void refuseAfterThrottled(
      List<@Nullable AuthorizationResult> results,
      List<Integer> linked,
      List<Planned> plans,
      List<Integer> toPlain,
      GuardScope scope) {
    int first = Integer.MAX_VALUE;
    for (int i : toPlain) {
      if (results.get(i) instanceof Denial d && d.reason() == DenialReason.THROTTLED) {
        first = i;
        break;
      }
    }
    if (first == Integer.MAX_VALUE) {
      return;
    }
    for (int k = plans.size() - 1; k >= 0; k--) {
      if (linked.get(k) > first) {
        results.set(linked.get(k), scope.throttled());
        linked.remove(k);
        plans.remove(k);
      }
    }
  }

  private List<CommandResult> submit(LedgerBatch batch) {
    return settle.ledger.submit(batch);
  }

  /** The outcome of each plan's first leg, from the outcomes of a batch of their groups. */
  private static List<CommandResult> firsts(List<Planned> plans, List<CommandResult> outcomes) {
    List<CommandResult> firsts = new ArrayList<>(plans.size());
    int at = 0;
    for (Planned plan : plans) {
      firsts.add(outcomes.get(at));
      at += plan.legs().size();
    }
    return firsts;
  }

  /**
   * The plan made again, from a fresh read and under the retry's ids, for a request planned from
   * images and refused for what a stale image could explain (a balance or a state); null if there
   * is none. Submitted only if it draws otherwise than the refused one (else the refusal stands,
   * answered with the fresh balances).
   */
  private @Nullable Planned replan(Planned plan, CommandResult first, Map<AccountId, Long> drawn) {
    Refusal refusal = first.refusal();
    if (!plan.fromImages() || refusal == null || refusal == Refusal.ID_REUSED || first.replayed()) {
      return null;
    }
    return planner.prepare(plan.request(), drawn, true).plan();
  }

  /**
   * Plans again, from fresh reads, the requests of a batch that {@link #replan} says a stale image
   * may have refused, and submits them in one more batch; replaces their plans and first outcomes.
   */
  private void replanRefused(List<Planned> plans, List<CommandResult> firsts) {
    Map<AccountId, Long> drawn = new HashMap<>();
    List<Integer> again = new ArrayList<>();
    List<Planned> fresh = new ArrayList<>();
    LedgerBatch batch = LedgerBatch.create();
    for (int k = 0; k < plans.size(); k++) {
      Planned plan = replan(plans.get(k), firsts.get(k), drawn);
      if (plan == null) {
        continue;
      }
      if (plan.draws().equals(plans.get(k).draws())) {
        plans.set(k, plan);
      } else {
        again.add(k);
        fresh.add(plan);
        batch.addLinked(plan.legs());
      }
    }
    if (again.isEmpty()) {
      return;
    }
    List<CommandResult> outcomes = firsts(fresh, submit(batch));
    for (int j = 0; j < again.size(); j++) {
      plans.set(again.get(j), fresh.get(j));
      firsts.set(again.get(j), outcomes.get(j));
    }
  }
}
