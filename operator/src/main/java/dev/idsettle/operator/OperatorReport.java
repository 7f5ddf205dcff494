package dev.idsettle.operator;

import java.time.Instant;
import java.util.List;

/**
 * What {@link OperatorReports#report} found, in exact minor units ({@link dev.idsettle.money.Money}
 * with its currency). {@link OperatorJson#write} gives its stable JSON form.
 *
 * @param asOf the instant at which expiry was judged
 * @param currency the ledger's currency code
 * @param totals the whole ledger
 * @param batches the batches the scope named, in its order
 * @param services every service found or named, by name
 * @param terminals every cash account found or named, named ones first, each group by name
 */
public record OperatorReport(
    Instant asOf,
    String currency,
    ReportTotals totals,
    List<BatchFigures> batches,
    List<ServiceFigures> services,
    List<TerminalFigures> terminals) {
  /** Copies the lists. */
  public OperatorReport {
    batches = List.copyOf(batches);
    services = List.copyOf(services);
    terminals = List.copyOf(terminals);
  }
}
