package dev.idsettle.catalog;

import dev.idsettle.catalog.RefundResult.RefundRefusal;
import dev.idsettle.catalog.RefundResult.Refunded;
import dev.idsettle.catalog.RefundResult.Refused;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Refunds and revocations. Each closes the order account in the same linked batch as the money it
 * moves, so of a refund, a revocation, a give-back after a failed delivery and a check-in at most
 * one ever applies to an order. States are checked before submitting so that a foreseeable refusal
 * is not recorded under the step's transfer id (a recorded refusal would stick to it).
 */
final class Refunds {
  private final Orders orders;
  private final Currency currency;

  Refunds(Orders orders, Currency currency) {
    this.orders = orders;
    this.currency = currency;
  }

  RefundResult refund(String reference) {
    Optional<AccountKey> key = orders.orderKey(reference);
    if (key.isEmpty()) {
      return new Refused(RefundRefusal.UNKNOWN_ORDER);
    }
    OrderFacts f = OrderFacts.of(orders, key.get());
    TransferId held = Orders.step("refund-held", f.order());
    TransferId earned = Orders.step("refund-earned", f.order());
    if (orders.applied(held).isPresent() || orders.applied(earned).isPresent()) {
      return new Refunded(money(f.amount()), true);
    }
    Account order = account(f);
    Instant now = orders.ledger().clock().instant();
    RefundRefusal closed = refusalFor(order, now, f.ticket());
    if (closed != null) {
      return new Refused(closed);
    }
    Optional<Account> payer = orders.ledger().account(f.payer());
    AccountState payerState = payer.map(a -> a.effectiveState(now)).orElse(AccountState.VOIDED);
    if (payerState != AccountState.ACTIVE && payerState != AccountState.EXHAUSTED) {
      return new Refused(RefundRefusal.ID_CLOSED);
    }
    List<LedgerCommand> commands =
        order.posted() > 0
            ? Orders.close(held, f.order(), f.payer(), f.amount(), f.order(), "refund:" + f.item())
            : Orders.close(
                earned, f.revenue(), f.payer(), f.amount(), f.order(), "refund:" + f.item());
    return submit(commands, f.amount());
  }

  RefundResult revoke(String reference) {
    Optional<AccountKey> key = orders.orderKey(reference);
    if (key.isEmpty()) {
      return new Refused(RefundRefusal.UNKNOWN_ORDER);
    }
    OrderFacts f = OrderFacts.of(orders, key.get());
    if (!f.ticket()) {
      return new Refused(RefundRefusal.NOT_A_TICKET);
    }
    TransferId revoke = Orders.step("revoke", f.order());
    if (orders.applied(revoke).isPresent()) {
      return new Refunded(money(0), true);
    }
    Account order = account(f);
    RefundRefusal closed = refusalFor(order, orders.ledger().clock().instant(), true);
    if (closed != null) {
      return new Refused(closed);
    }
    return submit(
        Orders.close(
            revoke, f.order(), f.revenue(), order.posted(), f.order(), "revoked:" + f.item()),
        0);
  }

  private Account account(OrderFacts f) {
    return orders
        .ledger()
        .account(f.order())
        .orElseThrow(() -> new IllegalStateException("an order key without its account"));
  }

  /** Why the order can no longer be refunded or revoked, or null if it can. */
  private static @Nullable RefundRefusal refusalFor(Account order, Instant now, boolean ticket) {
    AccountState state = order.effectiveState(now);
    if (state == AccountState.VOIDED) {
      return RefundRefusal.ALREADY_CLOSED;
    }
    if (ticket && state == AccountState.EXPIRED) {
      return RefundRefusal.TICKET_EXPIRED;
    }
    if (ticket && order.posted() == 0) {
      return RefundRefusal.TICKET_USED;
    }
    return null;
  }

  private RefundResult submit(List<LedgerCommand> commands, long back) {
    CommandResult first = orders.submitLinked(commands);
    if (first.applied()) {
      return new Refunded(money(back), first.replayed());
    }
    Refusal r = first.refusal();
    return new Refused(
        switch (r == null ? Refusal.CLOSED : r) {
          case EXHAUSTED, INSUFFICIENT_BALANCE, NOT_EMPTY -> RefundRefusal.TICKET_USED;
          case EXPIRED -> RefundRefusal.TICKET_EXPIRED;
          case BLOCKED, NOT_ACTIVATED -> RefundRefusal.ID_CLOSED;
          default -> RefundRefusal.ALREADY_CLOSED;
        });
  }

  private Money money(long amount) {
    return Money.of(amount, currency);
  }
}
