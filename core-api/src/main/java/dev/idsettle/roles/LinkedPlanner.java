package dev.idsettle.roles;

import dev.idsettle.internal.Keys;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Screens a request to the linked device and plans its draws over the holder's IDs (claim 8), as
 * one linked group whose first transfer has the id a plain request would have. Plans from the
 * images the ledger last saw committed when it has them all (no read), else from a read; a plan
 * made from images and refused is planned again from a read by {@link LinkedAuthenticator}.
 */
final class LinkedPlanner {
  private final DefaultSettlementManager manager;
  private final IdSettle settle;
  private final HolderKeys keys;
  private final HolderBalances balances;
  private final String service;
  private final String code;
  private final List<AccountId> revenue;
  private final GuardScope scope;

  /**
   * A request planned as a linked group: what the planning saw, the draws, the group, and whether
   * the plan came from the images the ledger last saw committed rather than from a read.
   */
  record Planned(
      AuthorizationRequest request,
      AccountId presented,
      Set<AccountId> accounts,
      long before,
      List<LinkedPlan.Draw> draws,
      List<LedgerCommand> legs,
      boolean fromImages) {}

  /** What became of a request before the ledger: an answer, a plan, or neither (plain's). */
  record Prepared(@Nullable AuthorizationResult answer, @Nullable Planned plan) {}

  static final Prepared PLAIN = new Prepared(null, null);

  LinkedPlanner(
      DefaultSettlementManager manager,
      HolderKeys keys,
      HolderBalances balances,
      String service,
      List<AccountId> revenue,
      GuardScope scope) {
    this.manager = manager;
    this.scope = scope;
    this.settle = manager.settle;
    this.keys = keys;
    this.balances = balances;
    this.service = service;
    this.code = "svc:" + service;
    this.revenue = revenue;
  }

  /**
   * Screens and plans {@code request}, from the balances less {@code drawn} (what earlier plans of
   * the batch draw), and adds this plan's draws to {@code drawn}. Unless {@code fresh}, plans from
   * the images the ledger last saw committed when it has them all; a fresh plan is the retry of one
   * refused so, under the retry's ids ({@link LinkedPlan#retryId}). A request while {@code scope}
   * is throttled, and one presenting an ID never issued or not sold, is the plain device's, which
   * answers it and counts the miss: an unsold ID is left out by the same look-up that finds none
   * for an unknown one ({@link IdResolver#usable}), so the two cost the same here too.
   */
  Prepared prepare(AuthorizationRequest request, Map<AccountId, Long> drawn, boolean fresh) {
    Money amount = request.amount();
    if (!amount.currency().equals(settle.currency)
        || !amount.isPositive()
        || scope.blocked()
        || manager.subIds.isSubId(request.id())) {
      return PLAIN;
    }
    try {
      AccountId presented = settle.resolver.usable(request.id());
      AccountId root = presented == null ? null : keys.root(presented);
      if (presented == null || root == null) {
        return PLAIN;
      }
      List<AccountId> members = keys.members(root);
      if (!members.contains(presented)) {
        members = new ArrayList<>(members);
        members.add(presented);
      }
      Map<AccountId, Account> seen = fresh ? null : settle.ledger.lastSeen(members);
      boolean fromImages = seen != null;
      Map<AccountId, Account> masters = seen != null ? seen : balances.masters(members);
      Account own = masters.get(presented);
      AccountState state =
          own == null ? AccountState.ISSUED : own.effectiveState(settle.ledger.clock().instant());
      if (state == AccountState.MERGED) {
        return new Prepared(DefaultHolders.stateDenial(state, request.id()), null);
      }
      if (!HolderBalances.usable(state)) {
        return PLAIN;
      }
      Set<AccountId> accounts = new HashSet<>(members);
      List<LinkedPlan.Source> spendable =
          balances.spendable(members, masters, accounts, drawn, fromImages);
      TransferId head = Keys.debit(service, request.terminal(), request.reference());
      if (fresh) {
        head = LinkedPlan.retryId(head);
      }
      return new Prepared(
          null, plan(request, presented, spendable, accounts, drawn, head, fromImages));
    } catch (StoreException e) {
      return new Prepared(StoreFailures.authorization(e), null);
    }
  }

  private Planned plan(
      AuthorizationRequest request,
      AccountId presented,
      List<LinkedPlan.Source> spendable,
      Set<AccountId> accounts,
      Map<AccountId, Long> drawn,
      TransferId head,
      boolean fromImages) {
    List<LinkedPlan.Draw> draws = LinkedPlan.draws(spendable, request.amount().minor());
    if (draws.isEmpty()) {
      // not enough in all: the presented ID is asked for all of it, so that the ledger records the
      // refusal under the reference as for a plain request
      AccountId from = manager.routes.envelope(presented, service);
      draws =
          List.of(new LinkedPlan.Draw(from == null ? presented : from, request.amount().minor()));
    } else {
      for (LinkedPlan.Draw d : draws) {
        drawn.merge(d.account(), d.minor(), Long::sum);
      }
    }
    AccountId credit =
        revenue.get(manager.settle.operatorAccounts().revenueShard(request.terminal()));
    List<LedgerCommand> legs = new ArrayList<>(draws.size());
    for (int i = 0; i < draws.size(); i++) {
      TransferId id = i == 0 ? head : LinkedPlan.legId(head, i);
      legs.add(LedgerCommand.post(id, draws.get(i).account(), credit, draws.get(i).minor(), code));
    }
    return new Planned(
        request, presented, accounts, LinkedPlan.total(spendable), draws, legs, fromImages);
  }
}
