package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.internal.Keys;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.roles.LinkedPlanner.Planned;
import dev.idsettle.roles.LinkedPlanner.Prepared;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 */
final class LinkedAuthenticator implements SettlementAuthenticator {
  private final IdSettle settle;
  private final HolderKeys keys;
  private final DefaultSettlementAuthenticator plain;
  private final HolderBalances balances;
  private final LinkedPlanner planner;
  private final String service;
  private final String code;
  private final List<AccountId> revenue;

  LinkedAuthenticator(
      DefaultSettlementManager manager, HolderKeys keys, DefaultSettlementAuthenticator plain) {
    this.settle = manager.settle;
    this.keys = keys;
    this.plain = plain;
    this.service = plain.service().name();
    this.balances = new HolderBalances(manager, service);
    this.code = "svc:" + service;
    this.revenue = settle.operatorAccounts().revenueAccounts(service);
    this.planner = new LinkedPlanner(manager, keys, balances, service, revenue);
  }

  @Override
  public Service service() {
    return plain.service();
  }

  @Override
  public AuthorizationResult authorize(AuthorizationRequest request) {
    Checks.notNull(request, "request");
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
      result = finish(plan, first, events);
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
    List<@Nullable AuthorizationResult> results = new ArrayList<>(n);
    List<Integer> toPlain = new ArrayList<>();
    List<Integer> linked = new ArrayList<>();
    List<Planned> plans = new ArrayList<>();
    Map<AccountId, Long> drawn = new HashMap<>();
    LedgerBatch batch = LedgerBatch.create();
    for (int i = 0; i < n; i++) {
      Prepared prepared = planner.prepare(requests.get(i), drawn, false);
      results.add(prepared.answer());
      Planned plan = prepared.plan();
      if (plan != null) {
        linked.add(i);
        plans.add(plan);
        batch.addLinked(plan.legs());
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
    }
    List<LowBalanceEvent> events = new ArrayList<>();
    if (!plans.isEmpty()) {
      try {
        settle.ensureOperatorAccounts(code, revenue);
        List<CommandResult> firsts = firsts(plans, submit(batch));
        replanRefused(plans, firsts);
        for (int k = 0; k < plans.size(); k++) {
          results.set(linked.get(k), finish(plans.get(k), firsts.get(k), events));
        }
      } catch (StoreException e) {
        return AuthorizationResults.fill(results, StoreFailures.authorization(e));
      }
    }
    List<AuthorizationResult> out = AuthorizationResults.finish(results);
    settle.fire(events);
    return out;
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

  /** The answer to a planned request from its first leg's outcome; adds a crossing to events. */
  private AuthorizationResult finish(
      Planned plan, CommandResult first, List<LowBalanceEvent> events) {
    AuthorizationRequest request = plan.request();
    Refusal refusal = first.refusal();
    long before = plan.before();
    if (refusal == Refusal.ID_REUSED || first.replayed()) {
      TransferId head = Keys.debit(service, request.terminal(), request.reference());
      long now = balances.total(keysNow(plan.presented()));
      return LinkedReplay.of(
          settle, head, request, code, plan.accounts(), money(now), now < lowReference());
    }
    if (refusal != null) {
      DenialReason reason = DenialReason.of(refusal);
      Money balance = reason == DenialReason.INSUFFICIENT_BALANCE ? money(before) : null;
      return new Denial(
          reason,
          balance,
          "ID "
              + request.id()
              + " and its holder's IDs: "
              + reason.name().toLowerCase(Locale.ROOT).replace('_', ' '),
          false);
    }
    long after = before - request.amount().minor();
    Money left = money(after);
    long reference = lowReference();
    if (after < reference && before >= reference) {
      events.add(
          new LowBalanceEvent(request.id(), service, left, plain.service().lowBalanceReference()));
    }
    return new Permit(
        Objects.requireNonNull(first.transfer()).id(),
        request.amount(),
        left,
        after < reference,
        false);
  }

  private long lowReference() {
    return plain.service().lowBalanceReference().minor();
  }

  private Money money(long minor) {
    return Money.of(minor, settle.currency);
  }

  private List<AccountId> keysNow(AccountId presented) {
    AccountId root = Objects.requireNonNull(keys.root(presented));
    return keys.members(root);
  }
}
