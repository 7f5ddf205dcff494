package dev.idsettle.roles;

import dev.idsettle.internal.Keys;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.roles.LinkedPlanner.Planned;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The answer of {@link LinkedAuthenticator} to a planned request, from the outcome of its group's
 * first leg: a permit with what the holder's IDs hold after it, a denial judged on all of them, or
 * the replay of an earlier answer ({@link LinkedReplay}).
 */
final class LinkedOutcome {
  private final IdSettle settle;
  private final HolderKeys keys;
  private final HolderBalances balances;
  private final Service device;
  private final String code;

  LinkedOutcome(
      IdSettle settle, HolderKeys keys, HolderBalances balances, Service device, String code) {
    this.settle = settle;
    this.keys = keys;
    this.balances = balances;
    this.device = device;
    this.code = code;
  }

  /** The answer to a planned request from its first leg's outcome; adds a crossing to events. */
  AuthorizationResult finish(Planned plan, CommandResult first, List<LowBalanceEvent> events) {
    AuthorizationRequest request = plan.request();
    Refusal refusal = first.refusal();
    long before = plan.before();
    if (refusal == Refusal.ID_REUSED || first.replayed()) {
      TransferId head = Keys.debit(device.name(), request.terminal(), request.reference());
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
          new LowBalanceEvent(request.id(), device.name(), left, device.lowBalanceReference()));
    }
    return new Permit(
        Objects.requireNonNull(first.transfer()).id(),
        request.amount(),
        left,
        after < reference,
        false);
  }

  private long lowReference() {
    return device.lowBalanceReference().minor();
  }

  private Money money(long minor) {
    return Money.of(minor, settle.currency);
  }

  private List<AccountId> keysNow(AccountId presented) {
    AccountId root = Objects.requireNonNull(keys.root(presented));
    return keys.members(root);
  }
}
