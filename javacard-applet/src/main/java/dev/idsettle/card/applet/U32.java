package dev.idsettle.card.applet;

/**
 * Unsigned 32-bit arithmetic on four big-endian bytes, using {@code short} only, for cards without
 * {@code int}.
 *
 * <p>Every method reads its operands completely before it writes, so {@code out} may be the same
 * array region as an operand.
 */
final class U32 {

  /** Number of bytes in one value. */
  static final short LENGTH = (short) 4;

  private U32() {}

  /**
   * Writes {@code a + b} to {@code out}.
   *
   * @return true if the sum passed 2^32 - 1; {@code out} then holds the sum modulo 2^32
   */
  static boolean add(byte[] a, short aOff, byte[] b, short bOff, byte[] out, short outOff) {
    short carry = (short) 0;
    for (short i = (short) 3; i >= (short) 0; i--) {
      short sum =
          (short)
              ((short) (a[(short) (aOff + i)] & 0xFF)
                  + (short) (b[(short) (bOff + i)] & 0xFF)
                  + carry);
      out[(short) (outOff + i)] = (byte) sum;
      carry = (short) ((short) (sum >> 8) & 0x01);
    }
    return carry != (short) 0;
  }

  /**
   * Writes {@code a - b} to {@code out}.
   *
   * @return true if {@code b} was greater than {@code a}; {@code out} then holds the difference
   *     modulo 2^32
   */
  static boolean subtract(byte[] a, short aOff, byte[] b, short bOff, byte[] out, short outOff) {
    short borrow = (short) 0;
    for (short i = (short) 3; i >= (short) 0; i--) {
      short difference =
          (short)
              ((short) (a[(short) (aOff + i)] & 0xFF)
                  - (short) (b[(short) (bOff + i)] & 0xFF)
                  - borrow);
      out[(short) (outOff + i)] = (byte) difference;
      borrow = (short) ((short) (difference >> 8) & 0x01);
    }
    return borrow != (short) 0;
  }

  /**
   * Writes {@code a + 1} to {@code out}.
   *
   * @return true if {@code a} was 2^32 - 1; {@code out} then holds zero
   */
  static boolean increment(byte[] a, short aOff, byte[] out, short outOff) {
    short carry = (short) 1;
    for (short i = (short) 3; i >= (short) 0; i--) {
      short sum = (short) ((short) (a[(short) (aOff + i)] & 0xFF) + carry);
      out[(short) (outOff + i)] = (byte) sum;
      carry = (short) ((short) (sum >> 8) & 0x01);
    }
    return carry != (short) 0;
  }

  /** Returns whether all four bytes are zero. */
  static boolean isZero(byte[] a, short aOff) {
    return (byte) (a[aOff] | a[(short) (aOff + 1)] | a[(short) (aOff + 2)] | a[(short) (aOff + 3)])
        == (byte) 0;
  }
}
