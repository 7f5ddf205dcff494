package dev.idsettle.roles;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.KeyExistsException;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Slips and sheets (claims 10, 12, 13): a batch of IDs printed as sheets of separable slips, each
 * with a serial number and a face value, sold by a terminal that reports what it read and what was
 * paid.
 *
 * <p>Storage is the ledger's: each slip is an ID account issued inactive; what links a serial to
 * its slip, and the batch's face value, sheet size, service and lifecycle, are {@link AccountKey}s
 * written in the same store transaction as the accounts (a key is never changed: each lifecycle
 * step adds one). A slip's state is its account's: issued (unsold), active or exhausted (sold),
 * {@link AccountState#BLOCKED} (locked), {@link AccountState#VOIDED} (void). Thread-safe.
 */
public final class Slips {
  /** The most slips a sheet may hold, and the most one activation may sell. */
  public static final int MAX_SHEET_SIZE = 100;

  private static final Set<AccountState> LOCKABLE =
      EnumSet.of(AccountState.ISSUED, AccountState.ACTIVE, AccountState.EXHAUSTED);

  private final DefaultSettlementManager manager;
  private final IdSettle settle;
  private final SlipBatches batches;

  private Slips(DefaultSettlementManager manager) {
    this.manager = manager;
    this.settle = manager.settle;
    this.batches = new SlipBatches(settle);
  }

  /** The slips of the network of {@code manager} (made by {@link SettlementManager#over}). */
  public static Slips over(SettlementManager manager) {
    Checks.notNull(manager, "manager");
    if (!(manager instanceof DefaultSettlementManager m)) {
      throw new IllegalArgumentException("manager must be made by SettlementManager.over");
    }
    return new Slips(m);
  }

  /**
   * Issues a batch of {@code sheets} sheets of {@code sheetSize} slips, all inactive, in one store
   * transaction: the IDs, the serials {@code PREFIX-000001} onwards, the batch in state {@link
   * BatchState#CREATED}.
   *
   * @param prefix the batch prefix, unique among batches (1 to 16 capital letters or digits)
   * @param faceValue every slip's face value (positive, in the IDs' currency)
   * @param service the registered service the slips' value is routed to, or null for everywhere
   * @throws InvalidRequestException naming the bad argument, or if the prefix was used before
   */
  public IssuedSlips issue(
      String prefix,
      int sheets,
      int sheetSize,
      Money faceValue,
      @Nullable String service,
      ExpiryPolicy expiry) {
    Checks.notNull(prefix, "prefix");
    Checks.notNull(faceValue, "faceValue");
    Checks.notNull(expiry, "expiry");
    SlipSerial.requirePrefix(prefix);
    if (sheetSize < 1 || sheetSize > MAX_SHEET_SIZE) {
      throw new InvalidRequestException(
          "sheetSize must be 1 to " + MAX_SHEET_SIZE + ", was " + sheetSize);
    }
    if (sheets < 1 || (long) sheets * sheetSize > SlipSerial.MAX_SEQUENCE) {
      throw new InvalidRequestException(
          "sheets must be at least 1 and hold at most "
              + SlipSerial.MAX_SEQUENCE
              + " slips, was "
              + sheets);
    }
    if (!faceValue.currency().equals(settle.currency) || !faceValue.isPositive()) {
      throw new InvalidRequestException(
          "faceValue must be positive and in " + settle.currency + ", was " + faceValue);
    }
    if (service != null) {
      manager.registered(service);
    }
    return batches.issue(prefix, sheets * sheetSize, sheetSize, faceValue, service, expiry);
  }

  /**
   * Marks the slips of batch {@code prefix} as slips, for a batch issued before slips carried their
   * mark (before this release, such a slip could be sold by an ordinary activation, without the
   * slip checks). Run it once per batch after upgrading; a batch issued since is marked already and
   * this changes nothing. Idempotent and safe to run concurrently with anything, including itself.
   * A legacy slip sold already keeps its value and its state: only further ordinary activations
   * (top-ups included) are refused, as for any slip.
   *
   * @return how many slips this call marked (0 once the batch is marked)
   * @throws InvalidRequestException for a malformed prefix or a prefix no batch has
   */
  public int markSlips(String prefix) {
    return batches.markSlips(batches.find(prefix));
  }

  /** The batch's lifecycle state. */
  public BatchState state(String prefix) {
    return batches.find(prefix).state();
  }

  /**
   * Moves the batch one step on: {@link BatchState#PRINTED} after created, {@link
   * BatchState#DISTRIBUTED} after printed. Repeating the step it is in changes nothing.
   *
   * @return the state now
   * @throws InvalidRequestException for an unknown batch, a step skipped or a step back
   */
  public BatchState advance(String prefix, BatchState to) {
    Checks.notNull(to, "to");
    return batches.advance(batches.find(prefix), to);
  }

  /**
   * Activates slips sold together (a whole sheet, or one slip) at terminal {@code terminalId}, all
   * or nothing: {@code paid} must be the sum of their face values, and each slip's printed serial
   * and face value must be the ones issued with its ID. Each slip then holds its face value,
   * credited from the terminal's cash account; a slip of a batch with a service is routed there as
   * by {@link SettlementManager#activate}. The same reference with the same slips and amount
   * replays the original answer; with other content it is refused.
   *
   * @throws InvalidRequestException for a missing or malformed argument (a serial, the reference),
   *     no slips or more than {@value #MAX_SHEET_SIZE}, or a slip named twice
   */
  public SlipActivationResult activate(
      String terminalId, List<PrintedSlip> slips, Money paid, String reference) {
    Checks.notNull(slips, "slips");
    Checks.notNull(paid, "paid");
    Answers.requireText("terminalId", terminalId, 60);
    Answers.requireText("reference", reference, 200);
    if (slips.isEmpty() || slips.size() > MAX_SHEET_SIZE) {
      throw new InvalidRequestException(
          "slips must hold 1 to " + MAX_SHEET_SIZE + " slips, held " + slips.size());
    }
    List<SlipSerial> serials = new ArrayList<>(slips.size());
    Set<SlipSerial> seen = new HashSet<>();
    Set<IdNumber> ids = new HashSet<>();
    for (PrintedSlip s : slips) {
      SlipSerial serial = SlipSerial.parse(s.serial());
      if (!seen.add(serial) || !ids.add(s.id())) {
        throw new InvalidRequestException("slip " + serial + " is named twice in slips");
      }
      serials.add(serial);
    }
    try {
      SlipCheck check = new SlipCheck(settle, batches);
      SlipDenial denied = check.verify(slips, serials, paid);
      if (denied != null) {
        return denied;
      }
      return sell(terminalId, slips, serials, check, paid, reference);
    } catch (StoreException e) {
      return new SlipUnknown(
          "outcome unknown (" + e.getMessage() + "): retry with the same reference to learn it", e);
    }
  }

  private SlipActivationResult sell(
      String terminalId,
      List<PrintedSlip> slips,
      List<SlipSerial> serials,
      SlipCheck check,
      Money paid,
      String reference) {
    AccountId cash = settle.operatorAccounts().cash(terminalId);
    settle.ensureOperatorAccounts(cash.toString(), List.of(cash));
    int n = slips.size();
    for (int attempt = 1; ; attempt++) {
      List<LedgerCommand> group = new ArrayList<>(4 * n);
      List<AccountKey> keys = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        AccountId slip = check.account(serials.get(i));
        long face = slips.get(i).faceValue().minor();
        TransferId credit =
            TransferId.derive("idsettle:slip", terminalId, reference, Integer.toString(i));
        group.add(
            LedgerCommand.changeState(slip, EnumSet.of(AccountState.ISSUED), AccountState.ACTIVE));
        // the count in the code: a replay with fewer slips is other content, not a replay
        group.add(LedgerCommand.post(credit, cash, slip, face, "slip " + (i + 1) + "/" + n));
        String service = check.batch(serials.get(i)).service();
        if (service != null) {
          Account master = settle.ledger.account(slip).orElseThrow();
          Envelopes.Envelope envelope = manager.envelopes.envelope(master, service);
          keys.addAll(Envelopes.newKeys(List.of(envelope)));
          keys.add(manager.routes.routeKey(slip, service));
          group.addAll(manager.envelopes.routing(envelope, slip, credit, face, service));
        }
      }
      List<CommandResult> results;
      try {
        results = settle.ledger.submit(LedgerBatch.create().addLinked(group).withKeys(keys));
      } catch (KeyExistsException e) {
        if (attempt == 3) {
          throw new StoreException("a slip's envelope kept changing: retry", false, e);
        }
        continue;
      }
      Refusal refusal = results.get(0).refusal();
      if (refusal != null) {
        return check.explain(refusal, serials);
      }
      keys.forEach(manager.routes::remember);
      return new SlipsActivated(n, paid, results.get(1).replayed());
    }
  }

  /**
   * Locks every slip of the serial range {@code from} to {@code to} (inclusive, one batch) in one
   * store transaction: a locked slip cannot be activated or spent (nor its service envelope). Slips
   * locked, void or expired already are left as they are.
   *
   * @throws InvalidRequestException for a malformed range: unparseable serials, two batches, {@code
   *     from} after {@code to}, an unknown batch or a serial beyond its end
   */
  public RangeChanged lock(String from, String to) {
    return batches.change(manager, range(from, to), LOCKABLE, AccountState.BLOCKED, false);
  }

  /**
   * Voids every unsold or locked slip of the range that holds no value (nor its envelope), in one
   * store transaction: a void slip is withdrawn for good. A sold slip holding value is left as it
   * is (lock it instead), and counted unchanged.
   *
   * @throws InvalidRequestException for a malformed range, as {@link #lock}
   */
  public RangeChanged voidRange(String from, String to) {
    return batches.change(
        manager,
        range(from, to),
        EnumSet.of(AccountState.ISSUED, AccountState.BLOCKED, AccountState.EXHAUSTED),
        AccountState.VOIDED,
        true);
  }

  private SlipBatches.Range range(String from, String to) {
    SlipSerial a = SlipSerial.parse(from);
    SlipSerial b = SlipSerial.parse(to);
    if (!a.prefix().equals(b.prefix())) {
      throw new InvalidRequestException(
          "range from " + a + " to " + b + " spans two batches: a range is within one batch");
    }
    if (a.sequence() > b.sequence()) {
      throw new InvalidRequestException("range from " + a + " to " + b + ": from is after to");
    }
    SlipBatches.Batch batch = batches.find(a.prefix());
    if (b.sequence() > batch.count()) {
      throw new InvalidRequestException(
          "range ends at " + b + " but batch " + a.prefix() + " has " + batch.count() + " slips");
    }
    return new SlipBatches.Range(batch, a.sequence(), b.sequence());
  }
}
