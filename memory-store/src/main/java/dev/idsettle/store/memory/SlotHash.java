package dev.idsettle.store.memory;

/** Spreads keys over the slots of an {@link IntHashIndex}. */
final class SlotHash {
  private SlotHash() {}

  /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** The hash of a 128-bit key. */
  static long of(long high, long low) {
    return mix(high) ^ low;
  }
}
