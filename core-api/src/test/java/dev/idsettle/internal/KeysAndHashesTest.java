package dev.idsettle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.ledger.TransferId;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ID hashes, account ids and transfer ids are persisted: their derivation must never change. */
class KeysAndHashesTest {
  @Test
  void idHashesAreTheOnesStoresAlreadyHold() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    IdHasher hasher = new IdHasher(key);
    assertThat(hex(hasher.hash(IdNumber.parse("4123456789012349")).toBytes()))
        .isEqualTo("d8050d4cf5da0ccf155223c813f4cd8264f1dcf8881eb6682830a2443177915d");
    assertThat(
            hex(
                hasher
                    .hash(new IdNumberFormat(32).parse("12345678901234567890123456789011"))
                    .toBytes()))
        .isEqualTo("120691f4ad2ac213bcac26e6f49d0479bebe1ed08a5fcb2ad482a4c4cbafa52d");
  }

  @Test
  void hashingTheSameIdTwiceGivesEqualHashes() {
    IdHasher hasher = new IdHasher(new byte[32]);
    IdNumber id = IdNumber.parse("4123456789012349");
    assertThat(hasher.hash(id)).isEqualTo(hasher.hash(id)).hasSameHashCodeAs(hasher.hash(id));
  }

  @Test
  void roleTransferIdsAreStable() {
    TransferId activation = Keys.activation("till-1", "sale-42");
    assertThat(activation).isEqualTo(id("0fdc7c90-a4d8-fbf3-356b-350143598a6c"));
    assertThat(Keys.reversal(activation)).isEqualTo(id("97be5002-1b1e-bd7c-ba80-7d0798c5c7ef"));
    assertThat(Keys.debit("bench", "kiosk-1", "r0"))
        .isEqualTo(id("189485d4-d84c-9b1e-c284-88b7c87ee24d"));
  }

  private static TransferId id(String uuid) {
    return TransferId.of(UUID.fromString(uuid));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
