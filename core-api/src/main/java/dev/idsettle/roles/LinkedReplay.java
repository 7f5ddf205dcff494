package dev.idsettle.roles;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to a linked request whose reference was used before: its first draw exists with other
 * content, because the holder's balances changed since and so did the plan. The stored draws tell a
 * replay (the same service, amount and holder) from another request under the same reference.
 */
final class LinkedReplay {
  private static final int MAX_DRAWS = 1_000;

  private LinkedReplay() {}

  static AuthorizationResult of(
      IdSettle settle,
      TransferId head,
      AuthorizationRequest request,
      String code,
      Set<AccountId> holders,
      Money balance,
      boolean low) {
    Optional<Transfer> first = settle.ledger.transfer(head);
    if (first.isPresent() && first.get().refusal() != null) {
      // refused after a plan from stale images, then planned again: the retry is the answer
      TransferId retry = LinkedPlan.retryId(head);
      Optional<Transfer> again = settle.ledger.transfer(retry);
      if (again.isPresent()) {
        head = retry;
        first = again;
      }
    }
    if (first.isEmpty() || !first.get().code().equals(code)) {
      return duplicate(request);
    }
    long sum = 0;
    Transfer leg = first.get();
    for (int i = 1; i < MAX_DRAWS; i++) {
      if (!holders.contains(leg.debit())) {
        return duplicate(request);
      }
      sum += leg.amount();
      Optional<Transfer> next = settle.ledger.transfer(LinkedPlan.legId(head, i));
      if (next.isEmpty()) {
        break;
      }
      leg = next.get();
    }
    if (sum != request.amount().minor()) {
      return duplicate(request);
    }
    Transfer original = first.get();
    if (original.refusal() != null) {
      DenialReason reason = DenialReason.of(original.refusal());
      return new Denial(
          reason,
          null,
          "ID "
              + request.id()
              + ": "
              + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " (replay: reference "
              + request.reference()
              + " was refused so before)",
          true);
    }
    return new Permit(original.id(), request.amount(), balance, low, true);
  }

  private static Denial duplicate(AuthorizationRequest r) {
    return new Denial(
        DenialReason.DUPLICATE_REFERENCE,
        null,
        "reference " + r.reference() + " was used before for another request",
        false);
  }
}
