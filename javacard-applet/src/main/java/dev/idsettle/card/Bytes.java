package dev.idsettle.card;

/** Big-endian unsigned 32-bit values in byte arrays, as the card sends them. */
final class Bytes {

  /** The largest value the card holds: 2^32 - 1. */
  static final long MAX_U32 = 0xFFFF_FFFFL;

  private Bytes() {}

  static long u32(byte[] bytes, int offset) {
    long value = 0;
    for (int i = 0; i < 4; i++) {
      value = (value << 8) | (bytes[offset + i] & 0xFF);
    }
    return value;
  }

  static void putU32(byte[] bytes, int offset, long value) {
    for (int i = 3; i >= 0; i--) {
      bytes[offset + i] = (byte) (value >>> (8 * (3 - i)));
    }
  }

  static long u64(byte[] bytes, int offset) {
    return (u32(bytes, offset) << 32) | u32(bytes, offset + 4);
  }

  static void putU64(byte[] bytes, int offset, long value) {
    putU32(bytes, offset, value >>> 32);
    putU32(bytes, offset + 4, value & MAX_U32);
  }

  static long requireAmount(String name, long amount) {
    if (amount < 1 || amount > MAX_U32) {
      throw new IllegalArgumentException(
          name + ": expected 1 to " + MAX_U32 + " minor units, got " + amount);
    }
    return amount;
  }
}
