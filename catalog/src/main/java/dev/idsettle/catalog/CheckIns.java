package dev.idsettle.catalog;

import dev.idsettle.catalog.CheckInResult.Admitted;
import dev.idsettle.catalog.CheckInResult.AlreadyUsed;
import dev.idsettle.catalog.CheckInResult.NotAdmitted;
import dev.idsettle.catalog.CheckInResult.Reason;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import java.util.Optional;

/**
 * Checks tickets in. A ticket's order account holds its price; the check-in moves all of it to the
 * shop in one transfer whose id is derived from the ticket, the venue and the venue's nonce. The
 * ledger applies at most one such transfer (the account is then empty and exhausted), so of two
 * venues checking in at once exactly one wins; a retry with the same nonce finds its own transfer
 * and is not a second use.
 */
final class CheckIns {
  private final Orders orders;

  CheckIns(Orders orders) {
    this.orders = orders;
  }

  CheckInResult checkIn(TicketCode code, String item, String venue, String nonce) {
    Optional<AccountKey> found = orders.key(orders.codeHash(code));
    if (found.isEmpty()) {
      return new NotAdmitted(Reason.UNKNOWN_TICKET);
    }
    AccountKey key = found.get();
    if (!Orders.item(key).equals(item)) {
      return new NotAdmitted(Reason.WRONG_ITEM);
    }
    AccountId order = key.account();
    AccountId revenue = key.owner();
    TransferId mine = Orders.step("checkin", order, venue, nonce);
    Optional<Transfer> earlier = orders.applied(mine);
    if (earlier.isPresent()) {
      return new Admitted(item, venue, earlier.get().timestamp(), true);
    }
    Optional<Account> account = orders.ledger().account(order);
    if (account.isEmpty() || revenue == null) {
      return new NotAdmitted(Reason.UNKNOWN_TICKET);
    }
    Account ticket = account.get();
    switch (ticket.effectiveState(orders.ledger().clock().instant())) {
      case ACTIVE -> {}
      case EXPIRED -> {
        return new NotAdmitted(Reason.EXPIRED);
      }
      case EXHAUSTED -> {
        return usedBy(order);
      }
      default -> {
        return new NotAdmitted(Reason.REVOKED);
      }
    }
    CommandResult result =
        orders.submit(Orders.post(mine, order, revenue, ticket.posted(), Orders.CHECK_IN + venue));
    Transfer t = result.transfer();
    if (result.applied() && t != null) {
      return new Admitted(item, venue, t.timestamp(), result.replayed());
    }
    Refusal refusal = result.refusal();
    if (refusal == Refusal.EXPIRED) {
      return new NotAdmitted(Reason.EXPIRED);
    }
    if (refusal == Refusal.EXHAUSTED || refusal == Refusal.INSUFFICIENT_BALANCE) {
      return usedBy(order);
    }
    return new NotAdmitted(Reason.REVOKED);
  }

  private CheckInResult usedBy(AccountId order) {
    return orders
        .checkIn(order)
        .<CheckInResult>map(
            t -> new AlreadyUsed(t.code().substring(Orders.CHECK_IN.length()), t.timestamp()))
        .orElse(new NotAdmitted(Reason.REVOKED));
  }
}
