package dev.idsettle.operator;

import dev.idsettle.sales.GatewayStatement;
import dev.idsettle.sales.SaleOrder;
import dev.idsettle.sales.SaleRecords;
import dev.idsettle.sales.SaleState;
import dev.idsettle.sales.StatementLine;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The gateway's statement against the desk's orders, matched by capture reference. */
final class SalesCheck {
  private static final int PAGE = 500;
  private static final Set<SaleState> DELIVERED =
      EnumSet.of(SaleState.DELIVERED, SaleState.REFUNDING, SaleState.REFUNDED);

  private final GatewayStatement statement;
  private final SaleRecords records;
  private final Currency currency;
  private final Progress progress;
  long orders;
  long charges;

  SalesCheck(
      GatewayStatement statement, SaleRecords records, Currency currency, Progress progress) {
    this.statement = statement;
    this.records = records;
    this.currency = currency;
    this.progress = progress;
  }

  void run(List<Difference> differences) {
    Map<String, StatementLine> lines = new LinkedHashMap<>();
    for (StatementLine line : statement.captures()) {
      lines.put(line.capture(), line);
    }
    charges = lines.size();
    progress.add(charges);
    Set<String> claimed = new HashSet<>();
    String after = "";
    while (true) {
      List<SaleOrder> page = records.orders(after, PAGE);
      for (SaleOrder o : page) {
        order(o, lines, claimed, differences);
        after = o.key();
      }
      orders += page.size();
      progress.add(page.size());
      if (page.size() < PAGE) {
        break;
      }
    }
    lines.forEach(
        (capture, line) -> {
          if (!claimed.contains(capture)) {
            differences.add(
                new Difference(
                    DifferenceKind.CHARGE_WITHOUT_SALE,
                    "capture " + Masking.text(capture),
                    "a sale for " + line.amount().minor(),
                    "no sale",
                    "the gateway captured "
                        + line.amount().minor()
                        + " ("
                        + currencyOf(line)
                        + ") under "
                        + Masking.text(capture)
                        + " but no sale records that capture"));
          }
        });
  }

  private void order(
      SaleOrder o, Map<String, StatementLine> lines, Set<String> claimed, List<Difference> out) {
    String subject = "order " + Masking.text(o.key());
    String capture = o.capture();
    boolean delivered = DELIVERED.contains(o.state());
    if (capture == null) {
      if (delivered) {
        out.add(
            new Difference(
                DifferenceKind.SALE_WITHOUT_CHARGE,
                subject,
                "a capture of " + o.priceMinor(),
                "no capture reference",
                subject + " is " + o.state() + " but records no capture at the gateway"));
      }
      return;
    }
    claimed.add(capture);
    StatementLine line = lines.get(capture);
    if (line == null) {
      if (delivered || o.state() == SaleState.DELIVERY_REFUNDED) {
        out.add(
            new Difference(
                DifferenceKind.SALE_WITHOUT_CHARGE,
                subject,
                "capture " + Masking.text(capture) + " of " + o.priceMinor(),
                "not on the statement",
                subject
                    + " is "
                    + o.state()
                    + " with capture "
                    + Masking.text(capture)
                    + ", which the gateway's statement does not show"));
      }
      return;
    }
    if (line.amount().minor() != o.priceMinor() || !line.amount().currency().equals(currency)) {
      out.add(
          new Difference(
              DifferenceKind.CHARGE_AMOUNT_MISMATCH,
              subject,
              o.priceMinor() + " " + currency.getCurrencyCode(),
              line.amount().minor() + " " + currencyOf(line),
              subject
                  + " sold for "
                  + o.priceMinor()
                  + " but the gateway captured "
                  + line.amount().minor()
                  + " under "
                  + Masking.text(capture)));
    }
    if (!delivered && o.state() != SaleState.DELIVERY_REFUNDED) {
      out.add(
          new Difference(
              DifferenceKind.CHARGE_NOT_DELIVERED,
              subject,
              "a delivered ID",
              o.state().toString(),
              subject
                  + " was charged under "
                  + Masking.text(capture)
                  + " but is "
                  + o.state()
                  + ": run the desk's recovery, then reconcile again"));
      return;
    }
    long refunded =
        switch (o.state()) {
          case DELIVERY_REFUNDED -> o.priceMinor();
          case REFUNDED -> o.refundMinor();
          default -> 0;
        };
    if (o.state() != SaleState.REFUNDING && line.refunded().minor() != refunded) {
      out.add(
          new Difference(
              DifferenceKind.REFUND_MISMATCH,
              subject,
              "refunded " + refunded,
              "refunded " + line.refunded().minor(),
              subject
                  + " is "
                  + o.state()
                  + " with "
                  + refunded
                  + " refunded, but the gateway refunded "
                  + line.refunded().minor()
                  + " of capture "
                  + Masking.text(capture)));
    }
  }

  private static String currencyOf(StatementLine line) {
    return line.amount().currency().getCurrencyCode();
  }
}
