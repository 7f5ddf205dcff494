package dev.idsettle.card.applet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The card's short-only 32-bit arithmetic agrees with {@code long} arithmetic on the host.
 * QuickTheories prints the seed of a failing run; {@code -DQT_SEED=...} replays it.
 */
class U32PropertyTest {

  private static final long MAX = 0xFFFF_FFFFL;

  @Test
  void addAgreesWithLong() {
    qt().withExamples(3000)
        .forAll(u32(), u32())
        .checkAssert(
            (a, b) -> {
              byte[] out = new byte[4];

              boolean overflow = U32.add(bytes(a), (short) 0, bytes(b), (short) 0, out, (short) 0);

              assertThat(overflow).isEqualTo(a + b > MAX);
              assertThat(value(out)).isEqualTo((a + b) & MAX);
            });
  }

  @Test
  void subtractAgreesWithLong() {
    qt().withExamples(3000)
        .forAll(u32(), u32())
        .checkAssert(
            (a, b) -> {
              byte[] out = new byte[4];

              boolean borrow =
                  U32.subtract(bytes(a), (short) 0, bytes(b), (short) 0, out, (short) 0);

              assertThat(borrow).isEqualTo(b > a);
              assertThat(value(out)).isEqualTo((a - b) & MAX);
            });
  }

  @Test
  void incrementAgreesWithLong() {
    qt().withExamples(1000)
        .forAll(u32())
        .checkAssert(
            a -> {
              byte[] out = new byte[4];

              boolean overflow = U32.increment(bytes(a), (short) 0, out, (short) 0);

              assertThat(overflow).isEqualTo(a == MAX);
              assertThat(value(out)).isEqualTo((a + 1) & MAX);
              assertThat(U32.isZero(out, (short) 0)).isEqualTo(a == MAX);
            });
  }

  @Test
  void operandsMayShareTheOutputAndSitAtAnyOffset() {
    qt().withExamples(1000)
        .forAll(u32(), u32())
        .checkAssert(
            (a, b) -> {
              byte[] buffer = new byte[9];
              System.arraycopy(bytes(a), 0, buffer, 1, 4);
              System.arraycopy(bytes(b), 0, buffer, 5, 4);

              U32.add(buffer, (short) 1, buffer, (short) 5, buffer, (short) 1);

              assertThat(value(java.util.Arrays.copyOfRange(buffer, 1, 5)))
                  .isEqualTo((a + b) & MAX);
            });
  }

  /** Uniform values mixed with edges: 0, 1, byte and short boundaries, 2^31, 2^32 - 1. */
  private static Gen<Long> u32() {
    return longs()
        .between(0, MAX)
        .mix(
            Generate.pick(
                List.of(
                    0L,
                    1L,
                    0xFFL,
                    0x100L,
                    0xFFFFL,
                    0x10000L,
                    0x7FFF_FFFFL,
                    0x8000_0000L,
                    MAX - 1,
                    MAX)),
            40);
  }

  private static byte[] bytes(long value) {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  private static long value(byte[] bytes) {
    long value = 0;
    for (byte b : bytes) {
      value = (value << 8) | (b & 0xFF);
    }
    return value;
  }
}
