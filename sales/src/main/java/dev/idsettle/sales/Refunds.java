package dev.idsettle.sales;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.sales.RefundResult.Reason;
import java.time.Clock;
import java.util.Currency;
import java.util.Optional;

/**
 * A buyer's refund of a sold ID: only what is still unspent on it is taken back (and the ID closed,
 * in one linked ledger batch), and the buyer gets the price back in the same proportion. The
 * amounts are recorded before the ledger is touched, so the refund is finished, not redone, by a
 * retry or by recovery.
 */
final class Refunds {
  private final SaleRecords records;
  private final Saga saga;
  private final Books books;
  private final IdSettle settle;
  private final Clock clock;
  private final Currency currency;
  private final java.util.function.Function<String, Denomination> denominations;

  Refunds(
      SaleRecords records,
      Saga saga,
      Books books,
      IdSettle settle,
      Clock clock,
      java.util.function.Function<String, Denomination> denominations) {
    this.records = records;
    this.saga = saga;
    this.books = books;
    this.settle = settle;
    this.clock = clock;
    this.currency = settle.currency();
    this.denominations = denominations;
  }

  RefundResult refund(String orderKey, String refundKey) {
    Optional<SaleOrder> found = records.order(orderKey);
    if (found.isEmpty()) {
      return new RefundResult.RefundRefused(orderKey, Reason.NOT_SOLD);
    }
    SaleOrder o = found.get();
    if (o.refundKey() != null) {
      return o.refundKey().equals(refundKey)
          ? answer(saga.drive(o, false))
          : new RefundResult.RefundRefused(orderKey, Reason.KEY_REUSED);
    }
    if (o.state() != SaleState.DELIVERED) {
      return new RefundResult.RefundRefused(orderKey, Reason.NOT_SOLD);
    }
    IdNumber id = saga.idOf(o);
    Optional<Account> account = settle.account(id);
    if (account.isEmpty()) {
      return new RefundResult.RefundRefused(orderKey, Reason.NOT_SOLD);
    }
    Account a = account.get();
    if (a.reserved() > 0) {
      return new RefundResult.RefundRefused(orderKey, Reason.SPEND_IN_PROGRESS);
    }
    long unspent = Math.max(0, a.posted());
    long value = denominations.apply(o.denomination()).value().minor();
    // the price in the proportion of the value left, rounded down: never more than was paid
    long refund = Math.multiplyExact(o.priceMinor(), Math.min(unspent, value)) / value;
    SaleOrder refunding = o.refunding(refundKey, unspent, refund, clock.instant());
    if (!records.replaceOrder(o, refunding)) {
      return refund(orderKey, refundKey);
    }
    Refusal refusal = books.takeBack(refunding, a.id(), unspent);
    if (refusal != null) {
      // spent (or held) between the read and the batch: nothing was taken; the sale stands
      SaleOrder back = refunding.to(SaleState.DELIVERED, clock.instant());
      SaleOrder undone =
          new SaleOrder(
              back.key(),
              back.fingerprint(),
              back.denomination(),
              back.state(),
              back.buyer(),
              back.stockId(),
              back.authorization(),
              back.capture(),
              back.priceMinor(),
              back.commissionMinor(),
              back.refusal(),
              back.pinHash(),
              back.tokenHash(),
              null,
              0,
              0,
              back.createdAt(),
              back.updatedAt(),
              back.version());
      records.replaceOrder(refunding, undone);
      return new RefundResult.RefundRefused(orderKey, Reason.CHANGED_DURING_REFUND);
    }
    return answer(saga.drive(refunding, false));
  }

  private RefundResult answer(SaleOrder o) {
    if (o.state() == SaleState.REFUNDED) {
      return new RefundResult.Refunded(
          o.key(), Money.of(o.takenBackMinor(), currency), Money.of(o.refundMinor(), currency));
    }
    if (o.state() == SaleState.REFUNDING) {
      return new RefundResult.RefundPending(o.key());
    }
    return new RefundResult.RefundRefused(o.key(), Reason.NOT_SOLD);
  }
}
