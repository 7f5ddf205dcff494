package dev.idsettle.operator;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.roles.IdSettle;
import java.time.Instant;

/**
 * The operator's figures, computed from the ledger in one pass over its rows: outstanding value per
 * slip batch and per service, revenue per service, cash per terminal, and breakage (value left on
 * IDs past their expiry, unspent), all in exact minor units.
 *
 * <pre>{@code
 * OperatorReport r = OperatorReports.over(settle)
 *     .report(ReportScope.everything().withBatches("B7").withTerminals("till-1"));
 * System.out.println(OperatorJson.write(r));
 * }</pre>
 *
 * <p>Reads every account and transfer once ({@link dev.idsettle.spi.LedgerStore#journal()}) and,
 * per batch named, the batch's keys; keeps a few dozen bytes per envelope and per slip of a named
 * batch in memory. Writes nothing. Run it on a quiet store, or a copy, for figures that agree to
 * the cent: rows written while it reads may be missed or counted. Thread-safe.
 */
public final class OperatorReports {
  private final IdSettle settle;

  private OperatorReports(IdSettle settle) {
    this.settle = settle;
  }

  /**
   * Reports over {@code settle}'s ledger, in its currency, with its operator accounts.
   *
   * @throws InvalidRequestException if {@code settle} is null
   */
  public static OperatorReports over(IdSettle settle) {
    if (settle == null) {
      throw new InvalidRequestException("settle must not be null");
    }
    return new OperatorReports(settle);
  }

  /** {@link #report(ReportScope, ProgressListener)} without progress. */
  public OperatorReport report(ReportScope scope) {
    return report(scope, ProgressListener.NONE);
  }

  /**
   * The figures for {@code scope}, telling {@code progress} after each page of rows.
   *
   * @throws InvalidRequestException if an argument is null, the scope names a batch that does not
   *     exist, or the store cannot list its rows
   * @throws dev.idsettle.spi.StoreException if the store failed
   */
  public OperatorReport report(ReportScope scope, ProgressListener progress) {
    if (scope == null || progress == null) {
      throw new InvalidRequestException("scope and progress must not be null");
    }
    Instant asOf = scope.asOf() != null ? scope.asOf() : settle.ledger().clock().instant();
    Progress counter = new Progress(progress);
    OperatorReport report = new ReportTally(settle, scope, asOf, counter).run();
    counter.finish();
    return report;
  }
}
