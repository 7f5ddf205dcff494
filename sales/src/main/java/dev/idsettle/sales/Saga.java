package dev.idsettle.sales;

import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.ActivationResult;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.spi.StoreException;
import java.time.Clock;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The purchase saga: moves an order one recorded step at a time. Each gateway call is preceded by a
 * recorded intent and carries a key derived from the order, so a crash anywhere leaves a state from
 * which the same call can be repeated; before the capture the saga may be undone, after it only
 * finished (delivered, or refunded if delivery is refused for good).
 */
final class Saga {
  private static final Logger LOG = LoggerFactory.getLogger(Saga.class);

  private final SaleRecords records;
  private final PaymentGateway gateway;
  private final Secrets secrets;
  private final Books books;
  private final SettlementTerminal terminal;
  private final Clock clock;
  private final Currency currency;
  private final int attempts;
  private final java.util.function.Function<String, Denomination> denominations;

  Saga(
      SaleRecords records,
      PaymentGateway gateway,
      Secrets secrets,
      Books books,
      SettlementTerminal terminal,
      Clock clock,
      Currency currency,
      int attempts,
      java.util.function.Function<String, Denomination> denominations) {
    this.records = records;
    this.gateway = gateway;
    this.secrets = secrets;
    this.books = books;
    this.terminal = terminal;
    this.clock = clock;
    this.currency = currency;
    this.attempts = attempts;
    this.denominations = denominations;
  }

  /**
   * Drives {@code order} as far as it goes: forward, or, when {@code undo}, back if no charge was
   * taken yet. Returns the order as last recorded.
   */
  SaleOrder drive(SaleOrder order, boolean undo) {
    SaleOrder o = order;
    while (!o.state().finished()) {
      Optional<SaleOrder> next;
      try {
        next = step(o, undo);
      } catch (StoreException e) {
        LOG.warn("sale {} stopped at {}: {}", o.key(), o.state(), e.getMessage());
        return o;
      }
      if (next.isEmpty()) {
        return o;
      }
      o = next.get();
    }
    return o;
  }

  /** One step: the next recorded order, or empty if it cannot move now. */
  private Optional<SaleOrder> step(SaleOrder o, boolean undo) {
    return switch (o.state()) {
      case CHECKED -> undo ? release(o, PurchaseRefusal.ABANDONED) : reserve(o);
      case RESERVED ->
          undo ? release(o, PurchaseRefusal.ABANDONED) : cas(o, o.to(SaleState.AUTHORIZING, now()));
      case AUTHORIZING -> authorizing(o, undo);
      case AUTHORIZED ->
          undo ? voiding(o, PurchaseRefusal.ABANDONED) : cas(o, o.to(SaleState.CAPTURING, now()));
      case CAPTURING -> capturing(o);
      case VOIDING -> voiding(o);
      case CAPTURED -> deliver(o);
      case DELIVERY_REFUNDING -> refundDelivery(o);
      case REFUNDING -> refunding(o);
      case DELIVERED, REFUSED, DELIVERY_REFUNDED, REFUNDED -> Optional.empty();
    };
  }

  private Optional<SaleOrder> reserve(SaleOrder o) {
    Optional<StockEntry> entry = records.reserve(o.denomination(), o.key());
    if (entry.isEmpty()) {
      return cas(o, o.refused(PurchaseRefusal.SOLD_OUT, now()));
    }
    return cas(o, o.with(SaleState.RESERVED, entry.get().stockId(), null, null, 0, now()));
  }

  private Optional<SaleOrder> release(SaleOrder o, PurchaseRefusal reason) {
    records.settleStock(o.key(), StockState.AVAILABLE);
    return cas(o, o.refused(reason, now()));
  }

  private Optional<SaleOrder> authorizing(SaleOrder o, boolean undo) {
    GatewayResult r = call(() -> gateway.authorize(o.buyer(), price(o), o.key() + ":authorize"));
    if (r instanceof Approved a) {
      SaleState next = undo ? SaleState.VOIDING : SaleState.AUTHORIZED;
      SaleOrder with = o.with(next, o.stockId(), a.reference(), null, 0, now());
      return cas(o, undo ? withRefusal(with, PurchaseRefusal.ABANDONED) : with);
    }
    if (r instanceof Declined d) {
      return release(o, refusalFor(d.reason()));
    }
    return Optional.empty();
  }

  private Optional<SaleOrder> capturing(SaleOrder o) {
    String auth = String.valueOf(o.authorization());
    GatewayResult r = call(() -> gateway.capture(auth, price(o), o.key() + ":capture"));
    if (r instanceof Approved a) {
      return cas(
          o,
          o.with(
              SaleState.CAPTURED, o.stockId(), auth, a.reference(), a.commission().minor(), now()));
    }
    if (r instanceof Declined) {
      return voiding(o, PurchaseRefusal.PAYMENT_DECLINED);
    }
    return Optional.empty();
  }

  private Optional<SaleOrder> voiding(SaleOrder o, PurchaseRefusal reason) {
    return cas(o, withRefusal(o.to(SaleState.VOIDING, now()), reason));
  }

  private Optional<SaleOrder> voiding(SaleOrder o) {
    String auth = String.valueOf(o.authorization());
    GatewayResult r = call(() -> gateway.voidAuthorization(auth, o.key() + ":void"));
    if (r instanceof GatewayTimeout) {
      return Optional.empty();
    }
    // a refused void (already voided or expired at the gateway) leaves nothing held either
    records.settleStock(o.key(), StockState.AVAILABLE);
    PurchaseRefusal reason = o.refusal() == null ? PurchaseRefusal.ABANDONED : o.refusal();
    return cas(o, o.refused(reason, now()));
  }

  private Optional<SaleOrder> deliver(SaleOrder o) {
    Denomination d = denominations.apply(o.denomination());
    IdNumber id = idOf(o);
    ActivationResult r = terminal.activate(id, d.value(), "sale:" + o.key());
    if (r instanceof Denial denial) {
      LOG.warn("sale {} could not be delivered: {}", o.key(), denial.reason());
      return cas(o, o.to(SaleState.DELIVERY_REFUNDING, now()));
    }
    if (!(r instanceof Activated)) {
      return Optional.empty();
    }
    if (!books.recordSale(o)) {
      LOG.error("sale {}: the ledger refused its price transfers", o.key());
      return Optional.empty();
    }
    records.settleStock(o.key(), StockState.SOLD);
    return cas(o, o.to(SaleState.DELIVERED, now()));
  }

  private Optional<SaleOrder> refundDelivery(SaleOrder o) {
    String capture = String.valueOf(o.capture());
    GatewayResult r = call(() -> gateway.refund(capture, price(o), o.key() + ":delivery-refund"));
    if (!(r instanceof Approved)) {
      return Optional.empty();
    }
    records.settleStock(o.key(), StockState.DEAD);
    return cas(o, o.to(SaleState.DELIVERY_REFUNDED, now()));
  }

  private Optional<SaleOrder> refunding(SaleOrder o) {
    if (o.refundMinor() > 0) {
      String capture = String.valueOf(o.capture());
      Money amount = Money.of(o.refundMinor(), currency);
      GatewayResult r =
          call(() -> gateway.refund(capture, amount, o.key() + ":refund:" + o.refundKey()));
      if (!(r instanceof Approved)) {
        return Optional.empty();
      }
    }
    if (!books.recordRefund(o)) {
      return Optional.empty();
    }
    return cas(o, o.to(SaleState.REFUNDED, now()));
  }

  IdNumber idOf(SaleOrder o) {
    String stockId = String.valueOf(o.stockId());
    StockEntry entry =
        records
            .stock(stockId)
            .orElseThrow(() -> new IllegalStateException("stock entry " + stockId + " is missing"));
    return secrets.unseal(stockId, entry.sealedId());
  }

  /** Records {@code next} if {@code current} is still the stored version, else the stored one. */
  private Optional<SaleOrder> cas(SaleOrder current, SaleOrder next) {
    if (records.replaceOrder(current, next)) {
      return Optional.of(next);
    }
    return records.order(current.key());
  }

  private GatewayResult call(Supplier<GatewayResult> call) {
    GatewayResult r = call.get();
    for (int i = 1; i < attempts && r instanceof GatewayTimeout; i++) {
      r = call.get();
    }
    return r;
  }

  private Money price(SaleOrder o) {
    return Money.of(o.priceMinor(), currency);
  }

  private java.time.Instant now() {
    return clock.instant();
  }

  private static SaleOrder withRefusal(SaleOrder o, PurchaseRefusal reason) {
    return new SaleOrder(
        o.key(),
        o.fingerprint(),
        o.denomination(),
        o.state(),
        o.buyer(),
        o.stockId(),
        o.authorization(),
        o.capture(),
        o.priceMinor(),
        o.commissionMinor(),
        reason,
        o.pinHash(),
        o.tokenHash(),
        o.refundKey(),
        o.takenBackMinor(),
        o.refundMinor(),
        o.createdAt(),
        o.updatedAt(),
        o.version());
  }

  static PurchaseRefusal refusalFor(DeclineReason reason) {
    return switch (reason) {
      case NOT_A_MEMBER -> PurchaseRefusal.NOT_A_MEMBER;
      case NOT_IN_GOOD_STANDING -> PurchaseRefusal.NOT_IN_GOOD_STANDING;
      case INSUFFICIENT_CREDIT -> PurchaseRefusal.INSUFFICIENT_CREDIT;
      case UNKNOWN_REFERENCE, NOT_ALLOWED, KEY_REUSED -> PurchaseRefusal.PAYMENT_DECLINED;
    };
  }
}
