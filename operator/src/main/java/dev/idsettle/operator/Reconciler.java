package dev.idsettle.operator;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.sales.GatewayStatement;
import dev.idsettle.sales.SaleRecords;
import dev.idsettle.spi.Sealer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks that the books agree, in one call, and returns every difference it finds:
 *
 * <ul>
 *   <li>the ledger's invariants: each balance equals its journal, each reserved amount its open
 *       holds, value is conserved (all balances of a currency sum to zero), and, with the sealing
 *       key ({@link Builder#sealer}), every row matches its seal ({@link
 *       dev.idsettle.audit.LedgerAudit});
 *   <li>the payment gateway's charges against the sales ({@link Builder#sales}): every capture on
 *       the gateway's statement has a sale that delivered an ID for the same amount, and every
 *       delivered sale has its capture, refunds included;
 *   <li>call records against captures: each metering call record's collected amount equals the
 *       captures it names, and no capture of a metering engine lacks a record.
 * </ul>
 *
 * <pre>{@code
 * Reconciliation r = Reconciler.builder(settle)
 *     .sealer(Sealer.withKey(sealingKey))        // optional: verify the seals too
 *     .sales(bank, saleRecords)                  // optional: gateway statement against sales
 *     .build()
 *     .reconcile((done, total) -> bar.stepTo(done));
 * if (!r.clean()) { r.differences().forEach(d -> System.out.println(d.message())); }
 * }</pre>
 *
 * <p>Reads the ledger's rows twice (the audit, then the call records) and the orders once; writes
 * nothing. Run it on a quiet store, or a copy: rows written while it reads may show as differences.
 * Thread-safe; each call runs on its own.
 */
public final class Reconciler {
  private final IdSettle settle;
  private final @Nullable Sealer sealer;
  private final @Nullable GatewayStatement statement;
  private final @Nullable SaleRecords records;

  private Reconciler(Builder b) {
    this.settle = b.settle;
    this.sealer = b.sealer;
    this.statement = b.statement;
    this.records = b.records;
  }

  /**
   * Starts a reconciler over {@code settle}'s ledger.
   *
   * @throws InvalidRequestException if {@code settle} is null
   */
  public static Builder builder(IdSettle settle) {
    if (settle == null) {
      throw new InvalidRequestException("settle must not be null");
    }
    return new Builder(settle);
  }

  /** {@link #reconcile(ProgressListener)} without progress. */
  public Reconciliation reconcile() {
    return reconcile(ProgressListener.NONE);
  }

  /**
   * Checks everything configured and returns the differences, telling {@code progress} after each
   * page of rows.
   *
   * @throws InvalidRequestException if {@code progress} is null, or the store cannot list its rows
   * @throws dev.idsettle.spi.StoreException if the store failed
   */
  public Reconciliation reconcile(ProgressListener progress) {
    if (progress == null) {
      throw new InvalidRequestException("progress must not be null");
    }
    Progress counter = new Progress(progress);
    List<Difference> differences = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    LedgerCheck ledger = new LedgerCheck(settle.ledger(), sealer, counter);
    ledger.run(differences, notes);
    long orders = 0;
    long charges = 0;
    GatewayStatement s = statement;
    SaleRecords r = records;
    if (s != null && r != null) {
      SalesCheck sales = new SalesCheck(s, r, settle.currency(), counter);
      sales.run(differences);
      orders = sales.orders;
      charges = sales.charges;
    } else {
      notes.add("no gateway statement was given: charges were not matched against sales");
    }
    MeteringCheck metering = new MeteringCheck(settle.ledger(), counter);
    metering.run(differences);
    counter.finish();
    return new Reconciliation(
        settle.ledger().clock().instant(),
        differences,
        notes,
        ledger.accounts,
        ledger.transfers,
        orders,
        charges,
        metering.records);
  }

  /** Configures a {@link Reconciler}. */
  public static final class Builder {
    private final IdSettle settle;
    private @Nullable Sealer sealer;
    private @Nullable GatewayStatement statement;
    private @Nullable SaleRecords records;

    private Builder(IdSettle settle) {
      this.settle = settle;
    }

    /**
     * Verifies the seals of a sealing store with {@code sealer} (built from the key the store seals
     * with). Without it the balances are checked against the journal, the seals are not.
     *
     * @throws InvalidRequestException if {@code sealer} is null
     */
    public Builder sealer(Sealer sealer) {
      if (sealer == null) {
        throw new InvalidRequestException("sealer must not be null");
      }
      this.sealer = sealer;
      return this;
    }

    /**
     * Matches the captures on {@code statement} against the orders in {@code records} (the sales
     * desk's). Without it the sales are not checked.
     *
     * @throws InvalidRequestException if an argument is null
     */
    public Builder sales(GatewayStatement statement, SaleRecords records) {
      if (statement == null || records == null) {
        throw new InvalidRequestException("statement and records must not be null");
      }
      this.statement = statement;
      this.records = records;
      return this;
    }

    /** The reconciler. */
    public Reconciler build() {
      return new Reconciler(this);
    }
  }
}
