package dev.idsettle.store.memory;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Description;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Transfers as records of {@value #STRIDE} longs (64 bytes): id, debit, credit, amount, timestamp
 * (epoch nanoseconds), a packed word (kind, hold state, refusal, code number, extra number) and the
 * links of the two account chains. What most transfers lack (a pending id, a timeout, a
 * description) or what does not fit (an instant outside 1677 to 2262, a code once {@value #CODES}
 * are numbered) goes into an {@link Extra} object. Written by one writer at a time; only the hold
 * state and the links change once a record is published. Enums are kept as their ordinals, which
 * never leave this process.
 */
@SuppressWarnings("EnumOrdinal")
final class TransferRecords {
  static final int STRIDE = 8;
  private static final int ID_HIGH = 0;
  private static final int ID_LOW = 1;
  private static final int DEBIT = 2;
  private static final int CREDIT = 3;
  private static final int AMOUNT = 4;
  private static final int TIMESTAMP = 5;
  private static final int META = 6;
  private static final int LINKS = 7;

  private static final int CODES = (1 << 20) - 1;
  private static final TransferKind[] KINDS = TransferKind.values();
  private static final HoldState[] HOLD_STATES = HoldState.values();
  private static final Refusal[] REFUSALS = Refusal.values();
  private static final int HOLD_SHIFT = 3;
  private static final int REFUSAL_SHIFT = 6;
  private static final int CODE_SHIFT = 11;
  private static final int EXTRA_SHIFT = 32;

  static {
    if (KINDS.length > 8 || HOLD_STATES.length > 8 || REFUSALS.length > 31) {
      throw new IllegalStateException("a transfer enum outgrew its bits in TransferRecords");
    }
  }

  /** The fields of a transfer that its record has no room for. */
  record Extra(
      @Nullable TransferId pendingId,
      @Nullable Instant timeout,
      @Nullable Instant timestamp,
      @Nullable String code,
      @Nullable Description description) {}

  private final RecordPages records = new RecordPages("transfers", STRIDE, 12);
  private final Interner<String> codes;
  private final ObjectPages<Extra> extras = new ObjectPages<>(Extra.class);

  TransferRecords() {
    this(CODES);
  }

  /** With room for {@code codeCapacity} distinct codes (at most {@value #CODES}). */
  TransferRecords(int codeCapacity) {
    if (codeCapacity < 0 || codeCapacity > CODES) {
      throw new IllegalArgumentException("codeCapacity must be in [0, " + CODES + "]");
    }
    this.codes = new Interner<>(String.class, codeCapacity);
  }

  /** The number of records. */
  int size() {
    return records.size();
  }

  /** Writes {@code t} to a new record and returns its number, unpublished. Writer only. */
  int append(Transfer t) {
    int r = records.allocate();
    records.set(r, ID_HIGH, t.id().high());
    records.set(r, ID_LOW, t.id().low());
    records.set(r, DEBIT, t.debit().value());
    records.set(r, CREDIT, t.credit().value());
    records.set(r, AMOUNT, t.amount());
    long timestamp = EpochNanos.of(t.timestamp());
    records.set(r, TIMESTAMP, timestamp);
    int code = codes.indexOf(t.code());
    Refusal refusal = t.refusal();
    long meta = t.kind().ordinal() | ((long) t.holdState().ordinal() << HOLD_SHIFT);
    meta |= (long) (refusal == null ? 0 : refusal.ordinal() + 1) << REFUSAL_SHIFT;
    meta |= (long) code << CODE_SHIFT;
    if (t.pendingId() != null
        || t.timeout() != null
        || timestamp == EpochNanos.NONE
        || code == 0
        || t.description() != null) {
      Extra extra =
          new Extra(
              t.pendingId(),
              t.timeout(),
              timestamp == EpochNanos.NONE ? t.timestamp() : null,
              code == 0 ? t.code() : null,
              t.description());
      meta |= (long) extras.add(extra) << EXTRA_SHIFT;
    }
    records.set(r, META, meta);
    return r;
  }

  /** The transfer in record {@code r}. */
  Transfer read(int r) {
    long meta = records.getAcquire(r, META);
    Extra extra = extraOf(meta);
    int code = (int) (meta >>> CODE_SHIFT) & CODES;
    int refusal = (int) (meta >>> REFUSAL_SHIFT) & 0x1F;
    long timestamp = records.get(r, TIMESTAMP);
    return new Transfer(
        new TransferId(records.get(r, ID_HIGH), records.get(r, ID_LOW)),
        new AccountId(records.get(r, DEBIT)),
        new AccountId(records.get(r, CREDIT)),
        records.get(r, AMOUNT),
        KINDS[(int) meta & 0x7],
        extra == null ? null : extra.pendingId(),
        extra == null ? null : extra.timeout(),
        HOLD_STATES[(int) (meta >>> HOLD_SHIFT) & 0x7],
        refusal == 0 ? null : REFUSALS[refusal - 1],
        code != 0 ? codes.valueAt(code) : requireCode(extra),
        timestamp != EpochNanos.NONE ? EpochNanos.toInstant(timestamp) : requireTimestamp(extra),
        extra == null ? null : extra.description());
  }

  boolean hasId(int r, long high, long low) {
    return records.get(r, ID_HIGH) == high && records.get(r, ID_LOW) == low;
  }

  long idHigh(int r) {
    return records.get(r, ID_HIGH);
  }

  long idLow(int r) {
    return records.get(r, ID_LOW);
  }

  long debit(int r) {
    return records.get(r, DEBIT);
  }

  long credit(int r) {
    return records.get(r, CREDIT);
  }

  long amount(int r) {
    return records.get(r, AMOUNT);
  }

  TransferKind kind(int r) {
    return KINDS[(int) records.get(r, META) & 0x7];
  }

  HoldState holdState(int r) {
    return HOLD_STATES[(int) (records.getAcquire(r, META) >>> HOLD_SHIFT) & 0x7];
  }

  @Nullable Instant timeout(int r) {
    Extra extra = extraOf(records.get(r, META));
    return extra == null ? null : extra.timeout();
  }

  /** Resolves or reopens a hold. Writer only. */
  void setHoldState(int r, HoldState state) {
    long meta = records.get(r, META) & ~(0x7L << HOLD_SHIFT);
    records.setRelease(r, META, meta | ((long) state.ordinal() << HOLD_SHIFT));
  }

  /** The next records of the debit chain (high half) and the credit chain (low half). */
  long links(int r) {
    return records.getAcquire(r, LINKS);
  }

  /** Publishes new links. Writer only. */
  void setLinks(int r, long links) {
    records.setRelease(r, LINKS, links);
  }

  private @Nullable Extra extraOf(long meta) {
    int index = (int) (meta >>> EXTRA_SHIFT);
    return index == 0 ? null : extras.get(index);
  }

  private static String requireCode(@Nullable Extra extra) {
    String code = extra == null ? null : extra.code();
    if (code == null) {
      throw new IllegalStateException("a transfer record lost its code");
    }
    return code;
  }

  private static Instant requireTimestamp(@Nullable Extra extra) {
    Instant timestamp = extra == null ? null : extra.timestamp();
    if (timestamp == null) {
      throw new IllegalStateException("a transfer record lost its timestamp");
    }
    return timestamp;
  }
}
