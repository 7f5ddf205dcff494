package dev.idsettle.roles;

import static dev.idsettle.roles.Answers.denial;
import static dev.idsettle.roles.Answers.miss;
import static dev.idsettle.roles.Answers.requireText;
import static dev.idsettle.roles.Answers.wrongService;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.internal.Keys;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.KeyExistsException;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The manager's activation (claim 2): an activation that names a service sells the ID and routes
 * its value into the ID's envelope for that service, in one linked group, under the terminal's
 * guessing budget.
 */
final class RoutedActivation {
  private final DefaultSettlementManager manager;
  private final IdSettle settle;
  private final Routes routes;
  private final Envelopes envelopes;

  RoutedActivation(DefaultSettlementManager manager) {
    this.manager = manager;
    this.settle = manager.settle;
    this.routes = manager.routes;
    this.envelopes = manager.envelopes;
  }

  /** See {@link SettlementManager#activate}. */
  ActivationResult activate(
      String terminalId, IdNumber id, Money amount, String service, String reference) {
    Checks.notNull(id, "id");
    Checks.notNull(amount, "amount");
    requireText("terminalId", terminalId, 60);
    requireText("reference", reference, 200);
    manager.registered(service);
    Denial bad = manager.badAmount(amount);
    if (bad != null) {
      return bad;
    }
    // the terminal's own budget: the one its SettlementTerminal handle spends
    GuardScope scope = settle.guard.scope("terminal:" + terminalId, null);
    if (scope.blocked()) {
      return scope.throttled();
    }
    try {
      AccountId found = settle.resolve(id);
      Account master = found == null ? null : settle.ledger.account(found).orElse(null);
      if (master == null) {
        return miss(id, scope);
      }
      Denial slip = SlipMarks.refuse(settle, master.id(), id, scope);
      if (slip != null) {
        return slip;
      }
      String routed = routes.route(master.id());
      if (routed != null && !routed.equals(service)) {
        return wrongService(id, service);
      }
      TransferId credit = Keys.activation(terminalId, reference);
      if (master.state() != AccountState.ISSUED && settle.ledger.transfer(credit).isEmpty()) {
        // sold already, and not by this reference (whose replay goes on): no envelope is made
        return denial(
            Refusal.forState(master.effectiveState(settle.ledger.clock().instant())), id, null);
      }
      AccountId cash = settle.operatorAccounts().cash(terminalId);
      settle.ensureOperatorAccounts(cash.toString(), List.of(cash));
      for (int attempt = 1; ; attempt++) {
        Envelopes.Envelope envelope = envelopes.envelope(master, service);
        List<AccountKey> keys = new ArrayList<>(Envelopes.newKeys(List.of(envelope)));
        if (routed == null) { // a reversed routed activation sold again keeps its route
          keys.add(routes.routeKey(master.id(), service));
        }
        List<LedgerCommand> group = new ArrayList<>(4);
        group.add(
            LedgerCommand.changeState(
                master.id(), EnumSet.of(AccountState.ISSUED), AccountState.ACTIVE));
        group.add(LedgerCommand.post(credit, cash, master.id(), amount.minor(), "activation"));
        group.addAll(envelopes.routing(envelope, master.id(), credit, amount.minor(), service));
        List<CommandResult> results;
        try {
          results = settle.ledger.submit(LedgerBatch.create().addLinked(group).withKeys(keys));
        } catch (KeyExistsException e) {
          if (attempt == 3) {
            throw new StoreException("the ID's envelope kept changing: retry", false, e);
          }
          continue;
        }
        CommandResult r = results.get(results.size() - 1);
        Refusal refusal = results.get(1).refusal();
        if (refusal != null) {
          return denial(refusal, id, null);
        }
        keys.forEach(routes::remember);
        Account after = Objects.requireNonNull(r.creditAfter());
        return new Activated(credit, amount, after.availableBalance(), r.replayed());
      }
    } catch (StoreException e) {
      return StoreFailures.activation(e);
    }
  }
}
