package dev.idsettle.store.memory;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.spi.StoreException;
import java.time.Instant;
import java.util.Currency;
import java.util.concurrent.locks.StampedLock;
import org.jspecify.annotations.Nullable;

/**
 * The layout of an account in {@value #STRIDE} longs (88 bytes): id, posted, reserved, expiry
 * seconds, a packed word (state, kind, flags, expiry nanoseconds, currency), the expiry policy, the
 * chain's word (length and last record, see {@link TransferChains}), and the 32-byte ID hash.
 * Currencies and expiry policies are numbered by {@link Interner}s, enums by their ordinals (which
 * never leave this process).
 */
@SuppressWarnings("EnumOrdinal")
final class AccountSlot {
  static final int ID = 0;
  static final int POSTED = 1;
  static final int RESERVED = 2;
  static final int EXPIRES_SECONDS = 3;
  static final int META = 4;
  static final int POLICY = 5;
  static final int CHAIN = 6;
  static final int HASH = 7;
  static final int STRIDE = 11;

  private static final AccountState[] STATES = AccountState.values();
  private static final AccountKind[] KINDS = AccountKind.values();
  private static final int KIND_SHIFT = 4;
  private static final long HAS_HASH = 1L << 6;
  private static final long HAS_EXPIRY = 1L << 7;
  private static final int NANOS_SHIFT = 8;
  private static final int CURRENCY_SHIFT = 38;
  private static final int CURRENCIES = 1 << 10;

  static {
    if (STATES.length > 16 || KINDS.length > 4) {
      throw new IllegalStateException(
          "AccountState or AccountKind outgrew its bits in AccountSlot");
    }
  }

  private final RecordPages slots;
  private final Interner<Currency> currencies = new Interner<>(Currency.class, CURRENCIES - 1);
  private final Interner<ExpiryPolicy> policies =
      new Interner<>(ExpiryPolicy.class, Integer.MAX_VALUE - 1);

  AccountSlot(RecordPages slots) {
    this.slots = slots;
  }

  /** Writes every field of a new account. */
  void writeNew(int slot, Account a, long chainEnds) {
    slots.set(slot, ID, a.id().value());
    IdHash hash = a.idHash();
    if (hash != null) {
      for (int i = 0; i < 4; i++) {
        slots.set(slot, HASH + i, hash.word(i));
      }
    }
    slots.set(slot, CHAIN, chainEnds);
    writeMutable(slot, a);
  }

  /** Writes the fields an image may change: all but the id and the ID hash. */
  void writeMutable(int slot, Account a) {
    Instant expiresAt = a.expiresAt();
    long meta = a.state().ordinal() | ((long) a.kind().ordinal() << KIND_SHIFT);
    meta |= a.idHash() != null ? HAS_HASH : 0;
    long expirySeconds = 0;
    if (expiresAt != null) {
      expirySeconds = expiresAt.getEpochSecond();
      meta |= HAS_EXPIRY | ((long) expiresAt.getNano() << NANOS_SHIFT);
    }
    slots.set(slot, EXPIRES_SECONDS, expirySeconds);
    int currency = currencies.indexOf(a.currency());
    int policy = policies.indexOf(a.expiry());
    if (currency == 0 || policy == 0) {
      throw new StoreException(
          "the memory store has no room for another currency or policy", false);
    }
    meta |= (long) currency << CURRENCY_SHIFT;
    slots.set(slot, POSTED, a.posted());
    slots.set(slot, RESERVED, a.reserved());
    slots.set(slot, META, meta);
    slots.set(slot, POLICY, policy);
  }

  /**
   * The account in {@code slot}, read while a writer may be changing it: null unless {@code lock}
   * validates {@code stamp} after the changeable fields were read (only then are they decoded).
   */
  @Nullable Account readOptimistic(int slot, StampedLock lock, long stamp) {
    long posted = slots.get(slot, POSTED);
    long reserved = slots.get(slot, RESERVED);
    long expiresSeconds = slots.get(slot, EXPIRES_SECONDS);
    long meta = slots.get(slot, META);
    long policy = slots.get(slot, POLICY);
    if (!lock.validate(stamp)) {
      return null;
    }
    return decode(slot, posted, reserved, expiresSeconds, meta, policy);
  }

  /** The account in {@code slot}, read while no writer can change it. */
  Account read(int slot) {
    return decode(
        slot,
        slots.get(slot, POSTED),
        slots.get(slot, RESERVED),
        slots.get(slot, EXPIRES_SECONDS),
        slots.get(slot, META),
        slots.get(slot, POLICY));
  }

  private Account decode(
      int slot, long posted, long reserved, long expiresSeconds, long meta, long policy) {
    Instant expiresAt =
        (meta & HAS_EXPIRY) == 0
            ? null
            : Instant.ofEpochSecond(expiresSeconds, (meta >>> NANOS_SHIFT) & 0x3FFFFFFF);
    return new Account(
        new AccountId(slots.get(slot, ID)),
        KINDS[(int) (meta >>> KIND_SHIFT) & 0x3],
        currencies.valueAt((int) (meta >>> CURRENCY_SHIFT) & (CURRENCIES - 1)),
        STATES[(int) (meta & 0xF)],
        posted,
        reserved,
        policies.valueAt((int) policy),
        expiresAt,
        (meta & HAS_HASH) == 0 ? null : idHash(slot));
  }

  boolean hasHash(int slot) {
    return (slots.get(slot, META) & HAS_HASH) != 0;
  }

  /** Whether {@code slot} holds {@code hash}. */
  boolean hasHash(int slot, IdHash hash) {
    return slots.get(slot, HASH) == hash.word(0)
        && slots.get(slot, HASH + 1) == hash.word(1)
        && slots.get(slot, HASH + 2) == hash.word(2)
        && slots.get(slot, HASH + 3) == hash.word(3)
        && hasHash(slot);
  }

  private IdHash idHash(int slot) {
    return IdHash.ofWords(
        slots.get(slot, HASH),
        slots.get(slot, HASH + 1),
        slots.get(slot, HASH + 2),
        slots.get(slot, HASH + 3));
  }
}
