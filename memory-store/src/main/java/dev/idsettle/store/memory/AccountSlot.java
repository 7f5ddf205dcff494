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
      long[] words = hashWords(hash);
      for (int i = 0; i < 4; i++) {
        slots.set(slot, HASH + i, words[i]);
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

  /** The fields {@link #writeMutable} writes, for a validated optimistic read. */
  long[] readMutable(int slot) {
    return new long[] {
      slots.get(slot, POSTED),
      slots.get(slot, RESERVED),
      slots.get(slot, EXPIRES_SECONDS),
      slots.get(slot, META),
      slots.get(slot, POLICY)
    };
  }

  /** The account from its immutable fields and a consistent read of the others. */
  Account decode(int slot, long[] mutable) {
    long meta = mutable[3];
    Instant expiresAt =
        (meta & HAS_EXPIRY) == 0
            ? null
            : Instant.ofEpochSecond(mutable[2], (meta >>> NANOS_SHIFT) & 0x3FFFFFFF);
    return new Account(
        new AccountId(slots.get(slot, ID)),
        KINDS[(int) (meta >>> KIND_SHIFT) & 0x3],
        currencies.valueAt((int) (meta >>> CURRENCY_SHIFT) & (CURRENCIES - 1)),
        STATES[(int) (meta & 0xF)],
        mutable[0],
        mutable[1],
        policies.valueAt((int) mutable[4]),
        expiresAt,
        (meta & HAS_HASH) == 0 ? null : idHash(slot));
  }

  boolean hasHash(int slot) {
    return (slots.get(slot, META) & HAS_HASH) != 0;
  }

  /** Whether {@code slot} holds the ID hash whose words are {@code key}. */
  boolean hasHash(int slot, long[] key) {
    return slots.get(slot, HASH) == key[0]
        && slots.get(slot, HASH + 1) == key[1]
        && slots.get(slot, HASH + 2) == key[2]
        && slots.get(slot, HASH + 3) == key[3]
        && hasHash(slot);
  }

  private IdHash idHash(int slot) {
    byte[] bytes = new byte[IdHash.LENGTH];
    for (int i = 0; i < 4; i++) {
      long word = slots.get(slot, HASH + i);
      for (int b = 0; b < 8; b++) {
        bytes[i * 8 + b] = (byte) (word >>> (56 - 8 * b));
      }
    }
    return IdHash.of(bytes);
  }

  /** The 32 bytes of {@code hash} as 4 big-endian longs. */
  static long[] hashWords(IdHash hash) {
    byte[] bytes = hash.toBytes();
    long[] words = new long[4];
    for (int i = 0; i < IdHash.LENGTH; i++) {
      words[i >>> 3] = (words[i >>> 3] << 8) | (bytes[i] & 0xFF);
    }
    return words;
  }
}
