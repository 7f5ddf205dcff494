package dev.idsettle.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class IdHashTest {
  private static final Gen<byte[]> HASH_BYTES =
      Generate.byteArrays(
          Generate.constant(32), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));

  @Test
  void keepsItsBytesAsFourBigEndianWords() {
    qt().forAll(HASH_BYTES).checkAssert(IdHashTest::keepsItsBytesAsFourBigEndianWords);
  }

  private static void keepsItsBytesAsFourBigEndianWords(byte[] bytes) {
    IdHash hash = IdHash.of(bytes);
    assertThat(hash.toBytes()).isEqualTo(bytes);
    ByteBuffer words = ByteBuffer.wrap(bytes);
    for (int i = 0; i < 4; i++) {
      assertThat(hash.word(i)).isEqualTo(words.getLong(8 * i));
    }
    IdHash fromWords = IdHash.ofWords(hash.word(0), hash.word(1), hash.word(2), hash.word(3));
    assertThat(fromWords).isEqualTo(hash).hasSameHashCodeAs(hash);
    assertThat(fromWords.toBytes()).isEqualTo(bytes);
    assertThat(hash).isEqualTo(IdHash.of(bytes.clone())).hasSameHashCodeAs(IdHash.of(bytes));
  }

  @Test
  void hasFourWords() {
    assertThatThrownBy(() -> IdHash.of(new byte[32]).word(4))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("an ID hash has words 0 to 3, not 4");
  }

  @Test
  void differsWhereverOneByteDiffers() {
    qt().forAll(HASH_BYTES).checkAssert(IdHashTest::differsWhereverOneByteDiffers);
  }

  private static void differsWhereverOneByteDiffers(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      byte[] other = bytes.clone();
      other[i]++;
      assertThat(IdHash.of(other)).isNotEqualTo(IdHash.of(bytes));
    }
  }

  @Test
  void copiesWhatItIsGivenAndWhatItHandsOut() {
    byte[] bytes = new byte[32];
    IdHash hash = IdHash.of(bytes);
    bytes[0] = 1;
    hash.toBytes()[1] = 1;
    assertThat(hash.toBytes()).isEqualTo(new byte[32]);
  }

  @Test
  void showsOnlyItsFirstFourBytes() {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) 0xab;
    bytes[3] = 0x01;
    bytes[4] = (byte) 0xff;
    assertThat(IdHash.of(bytes)).hasToString("IdHash[ab000001...]");
  }

  @Test
  void refusesOtherLengths() {
    assertThatThrownBy(() -> IdHash.of(new byte[31]))
        .isInstanceOf(dev.idsettle.InvalidRequestException.class)
        .hasMessage("an ID hash has 32 bytes, got 31");
  }
}
