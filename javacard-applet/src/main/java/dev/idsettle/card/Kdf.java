package dev.idsettle.card;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * NIST SP 800-108 KDF in counter mode with AES-CMAC as the PRF: block i is {@code CMAC(key, i ||
 * label || 00 || context || L)}, with i one byte and L the output length in bits as two bytes.
 */
final class Kdf {

  private Kdf() {}

  static byte[] derive(byte[] key, byte[] label, byte[] context, int length) {
    return derive(message -> AesCmac.mac(key, message), label, context, length);
  }

  static byte[] derive(UnaryOperator<byte[]> prf, byte[] label, byte[] context, int length) {
    byte[] out = new byte[length];
    int bits = 8 * length;
    for (int i = 0; i * AesCmac.LENGTH < length; i++) {
      byte[] input = new byte[1 + label.length + 1 + context.length + 2];
      input[0] = (byte) (i + 1);
      System.arraycopy(label, 0, input, 1, label.length);
      System.arraycopy(context, 0, input, label.length + 2, context.length);
      input[input.length - 2] = (byte) (bits >>> 8);
      input[input.length - 1] = (byte) bits;
      byte[] block = prf.apply(input);
      int n = Math.min(AesCmac.LENGTH, length - i * AesCmac.LENGTH);
      System.arraycopy(block, 0, out, i * AesCmac.LENGTH, n);
      Arrays.fill(block, (byte) 0);
    }
    return out;
  }
}
