package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.internal.Keys;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Activation and reversal as linked ledger groups: a state change and a transfer together. */
final class DefaultSettlementTerminal implements SettlementTerminal {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultSettlementTerminal.class);
  private final IdSettle settle;
  private final String terminalId;
  private final AccountId cash;
  private final AccountId barred;
  private final GuardScope scope;

  DefaultSettlementTerminal(IdSettle settle, String terminalId) {
    this.settle = settle;
    this.terminalId = Checks.text(terminalId, "terminalId", AuthorizationRequest.MAX_TERMINAL);
    this.cash = settle.operatorAccounts().cash(terminalId);
    this.barred = Keys.barred(settle.currency);
    this.scope = settle.guard.scope("terminal:" + terminalId, null);
  }

  private void ensureCash() {
    settle.ensureOperatorAccounts(cash.toString(), List.of(cash));
    settle.ensureOperatorAccounts(barred.toString(), List.of(barred));
  }

  @Override
  public String terminalId() {
    return terminalId;
  }

  @Override
  public ActivationResult activate(IdNumber id, Money amount, String reference) {
    Checks.notNull(id, "id");
    Checks.notNull(amount, "amount");
    requireReference(reference);
    if (!amount.currency().equals(settle.currency)) {
      return new Denial(
          DenialReason.WRONG_CURRENCY,
          null,
          "amount is in " + amount.currency() + ", IDs are in " + settle.currency);
    }
    if (!amount.isPositive()) {
      return new Denial(
          DenialReason.INVALID_AMOUNT, null, "amount must be positive, was " + amount);
    }
    if (amount.compareTo(settle.maxActivation) > 0) {
      return new Denial(
          DenialReason.INVALID_AMOUNT,
          null,
          "amount " + amount + " is above the largest activation, " + settle.maxActivation);
    }
    if (scope.blocked()) {
      return scope.throttled();
    }
    try {
      ensureCash();
      Optional<AccountId> account = Optional.ofNullable(settle.resolve(id));
      if (account.isEmpty()) {
        return miss(id);
      }
      Denial slip = SlipMarks.refuse(settle, account.get(), id, scope);
      if (slip != null) {
        return slip;
      }
      TransferId transferId = Keys.activation(terminalId, reference);
      List<CommandResult> results =
          settle.ledger.submit(
              LedgerBatch.create()
                  .addLinked(
                      LedgerCommand.changeState(
                          account.get(), EnumSet.of(AccountState.ISSUED), AccountState.ACTIVE),
                      LedgerCommand.post(
                          transferId, cash, account.get(), amount.minor(), "activation")));
      CommandResult r = results.get(1);
      Refusal refusal = r.refusal();
      if (refusal != null) {
        LOG.debug("activation of {} at {} refused: {}", id, terminalId, refusal);
        return denial(refusal, id, r);
      }
      if (r.replayed() && reversed(transferId)) {
        return new Denial(
            DenialReason.REVERSED, null, "activation " + reference + " was reversed", true);
      }
      Account after = Objects.requireNonNull(r.creditAfter());
      LOG.debug("activated {} at {} with {}", id, terminalId, amount);
      return new Activated(transferId, amount, after.availableBalance(), r.replayed());
    } catch (StoreException e) {
      return StoreFailures.activation(e);
    }
  }

  /**
   * Whether the activation {@code transferId} was undone. A refused reversal is recorded too (so
   * that it stays refused), and then the sale stands.
   */
  private boolean reversed(TransferId transferId) {
    return settle.ledger.transfer(Keys.reversal(transferId)).map(Transfer::applied).orElse(false);
  }

  /**
   * Reads the activation under {@code reference} before the ID: with none, whatever the ID (never
   * issued, not sold, sold under another reference), the answer is the same {@link Reversed} of
   * nothing, after the same work (a tombstone between this till and {@link Keys#barred}, which
   * names no ID and bars a late activation under that reference), and it counts as a miss.
   */
  @Override
  public ReversalResult reverse(IdNumber id, String reference) {
    Checks.notNull(id, "id");
    requireReference(reference);
    if (scope.blocked()) {
      return scope.throttled();
    }
    try {
      ensureCash();
      TransferId activationId = Keys.activation(terminalId, reference);
      Optional<Transfer> activation = settle.ledger.transfer(activationId);
      if (activation.isEmpty()) {
        if (!scope.miss()) {
          return scope.throttled();
        }
        CommandResult barring =
            settle
                .ledger
                .submit(
                    LedgerBatch.create()
                        .add(new LedgerCommand.Tombstone(activationId, cash, barred, "activation")))
                .get(0);
        Transfer found = barring.transfer();
        if (found == null || !found.applied()) {
          return new Reversed(Money.zero(settle.currency), barring.replayed());
        }
        activation = Optional.of(found);
      }
      Transfer original = activation.get();
      if (!original.applied()) {
        return new Reversed(Money.zero(settle.currency), true);
      }
      AccountId account = settle.resolve(id);
      if (!original.credit().equals(account)) {
        return new Denial(
            DenialReason.DUPLICATE_REFERENCE,
            null,
            "reference " + reference + " activated another ID");
      }
      return undo(id, original, original.credit());
    } catch (StoreException e) {
      return StoreFailures.reversal(e);
    }
  }

  private ReversalResult undo(IdNumber id, Transfer activation, AccountId account) {
    Transfer route = RoutedReversal.route(settle, activation.id(), account);
    List<LedgerCommand> group = new ArrayList<>(RoutedReversal.unroute(route));
    group.add(
        LedgerCommand.post(
            Keys.reversal(activation.id()), account, cash, activation.amount(), "reversal"));
    group.add(
        new LedgerCommand.StateChange(
            account,
            EnumSet.of(AccountState.ACTIVE, AccountState.EXHAUSTED),
            AccountState.ISSUED,
            true));
    List<CommandResult> results = settle.ledger.submit(LedgerBatch.create().addLinked(group));
    CommandResult r = results.get(group.size() - 2);
    Refusal refusal = r.refusal();
    if (refusal == null) {
      LOG.debug("reversed activation of {} at {}", id, terminalId);
      return new Reversed(Money.of(activation.amount(), settle.currency), r.replayed());
    }
    if (refusal == Refusal.INSUFFICIENT_BALANCE
        || refusal == Refusal.NOT_EMPTY
        || refusal == Refusal.EXHAUSTED) {
      return new Denial(
          DenialReason.ALREADY_USED,
          null,
          route == null
              ? "the ID has been used since its activation; it cannot be reversed"
              : "value routed to service "
                  + RoutedReversal.service(route)
                  + " has been spent since the activation; it cannot be reversed");
    }
    return denial(refusal, id, r);
  }

  private Denial miss(IdNumber id) {
    if (!scope.miss()) {
      return scope.throttled();
    }
    return new Denial(DenialReason.UNKNOWN_ID, null, "no ID " + id + " was issued");
  }

  private Denial denial(Refusal refusal, IdNumber id, CommandResult r) {
    DenialReason reason = DenialReason.of(refusal);
    Account after = r.creditAfter();
    return new Denial(
        reason,
        after == null || r.replayed() ? null : after.availableBalance(),
        "ID "
            + id
            + ": "
            + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + (r.replayed() ? " (replay of a refused request)" : ""),
        r.replayed());
  }

  private static void requireReference(String reference) {
    Checks.text(reference, "reference", AuthorizationRequest.MAX_REFERENCE);
  }
}
