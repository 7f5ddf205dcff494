package dev.idsettle.card;

/**
 * The 16-byte tag of a {@link Payee} as a receipt carries it; {@link #NONE} (all zero) in credit
 * receipts.
 *
 * @param high the first 8 bytes, big-endian
 * @param low the last 8 bytes, big-endian
 */
public record PayeeTag(long high, long low) {

  /** The tag of a credit receipt: no payee. */
  public static final PayeeTag NONE = new PayeeTag(0, 0);

  /** Length of a tag on the card. */
  static final int LENGTH = 16;

  /** Reads the first 16 bytes of {@code bytes}. */
  static PayeeTag of(byte[] bytes) {
    return at(bytes, 0);
  }

  static PayeeTag at(byte[] bytes, int offset) {
    return new PayeeTag(Bytes.u64(bytes, offset), Bytes.u64(bytes, offset + 8));
  }

  void writeTo(byte[] bytes, int offset) {
    Bytes.putU64(bytes, offset, high);
    Bytes.putU64(bytes, offset + 8, low);
  }

  @Override
  public String toString() {
    return String.format("%016x%016x", high, low);
  }
}
