package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.CARD_ID;
import static dev.idsettle.card.CardFixture.JPY;
import static dev.idsettle.card.CardFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issuer's keys in a {@link KeyStore} (a PKCS12 file made here; a PKCS#11 token in production):
 * the same cards work as with raw keys, keys are checked by their check values, and a rotated
 * master key leaves cards personalised under the old version valid.
 */
class KeyStoreIssuerKeysTest {

  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final byte[] MASTER_2 =
      HexFormat.of().parseHex("f0e0d0c0b0a090807060504030201000");
  private static final byte[] LEDGER = new byte[32];

  @TempDir Path dir;

  @Test
  void aKeyStoreIssuerDrivesTheSameCardsAsRawKeys() throws Exception {
    KeyStore store = pkcs12File(Map.of(1, CardFixture.MASTER_KEY));
    IssuerKeys keys =
        IssuerKeys.fromKeyStore(store, PASSWORD, 1, Map.of(1, kcv(CardFixture.MASTER_KEY)));
    CardIssuer fromStore = CardIssuer.over(keys);
    CardIssuer raw =
        CardIssuer.over(
            RawIssuerKeys.builder().masterKey(1, CardFixture.MASTER_KEY).ledgerKey(LEDGER).build());

    assertThat(fromStore.commandKey(CARD_ID)).isEqualTo(raw.commandKey(CARD_ID));
    assertThat(fromStore.ledgerHandle(CARD_ID)).isEqualTo(raw.ledgerHandle(CARD_ID));
    CardFixture fixture = CardFixture.installed();
    fixture.client.personalise(fromStore.personalisation(CARD_ID, JPY, null));
    Challenge challenge = fixture.client.initialize();
    CardReceipt credit =
        fixture.client.credit(challenge, 500, fromStore.authorizeCredit(CARD_ID, challenge, 500));
    assertThat(raw.verify(credit).receipt().newBalance()).isEqualTo(500);
  }

  @Test
  void aKeyWhoseCheckValueDiffersIsRefusedAtLoad() throws Exception {
    KeyStore store = pkcs12File(Map.of(1, CardFixture.MASTER_KEY));

    assertThatThrownBy(() -> IssuerKeys.fromKeyStore(store, PASSWORD, 1, Map.of(1, "000000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("checkValues: master key 1 has check value");
  }

  @Test
  void aRotatedMasterKeyLeavesOldCardsValidAndPersonalisesNewOnesWithTheNewVersion()
      throws Exception {
    KeyStore before = pkcs12File(Map.of(1, CardFixture.MASTER_KEY));
    CardIssuer v1 =
        CardIssuer.over(
            IssuerKeys.fromKeyStore(before, PASSWORD, 1, Map.of(1, kcv(CardFixture.MASTER_KEY))));
    CardFixture old = CardFixture.installed();
    old.client.personalise(v1.personalisation(CARD_ID, JPY, null));

    KeyStore after = pkcs12File(Map.of(1, CardFixture.MASTER_KEY, 2, MASTER_2));
    CardIssuer v2 =
        CardIssuer.over(
            IssuerKeys.fromKeyStore(
                after, PASSWORD, 2, Map.of(1, kcv(CardFixture.MASTER_KEY), 2, kcv(MASTER_2))));
    Challenge oldChallenge = old.client.initialize();
    CardReceipt oldCredit =
        old.client.credit(oldChallenge, 300, v2.authorizeCredit(CARD_ID, oldChallenge, 300));
    CardReceipt oldDebit = old.client.debit(PAYEE, 100);
    CardFixture fresh = CardFixture.installed();
    Personalisation newCard = v2.personalisation(CARD_ID, JPY, null);
    fresh.client.personalise(newCard);
    Challenge newChallenge = fresh.client.initialize();

    assertThat(oldChallenge.keyVersion()).isEqualTo(1);
    assertThat(v2.verify(oldCredit).receipt().keyVersion()).isEqualTo(1);
    assertThat(v2.verify(oldDebit).receipt().newBalance()).isEqualTo(200);
    assertThat(newCard.keyVersion()).isEqualTo(2);
    assertThat(newChallenge.keyVersion()).isEqualTo(2);
    assertThat(
            fresh
                .client
                .credit(newChallenge, 50, v2.authorizeCredit(CARD_ID, newChallenge, 50))
                .keyVersion())
        .isEqualTo(2);
    assertThatThrownBy(() -> v1.verify(fresh.client.debit(PAYEE, 10)))
        .isInstanceOf(UnknownKeyVersionException.class);
  }

  @Test
  void theCheckValueIsTheFirstThreeBytesOfTheKeysEncryptionOfZeros() {
    // AES-128 under 000102...0f of sixteen zero bytes is c6a13b37878f5b826f4f8162a1c8d879
    assertThat(kcv(CardFixture.MASTER_KEY)).isEqualTo("c6a13b");
  }

  @Test
  void rawKeysAreWipedOnClose() {
    RawIssuerKeys keys =
        RawIssuerKeys.builder().masterKey(1, CardFixture.MASTER_KEY).ledgerKey(LEDGER).build();
    keys.close();

    assertThatThrownBy(() -> keys.masterCmac(1, new byte[1]))
        .isInstanceOf(UnknownKeyVersionException.class);
  }

  private KeyStore pkcs12File(Map<Integer, byte[]> masters) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    KeyStore.ProtectionParameter protection = new KeyStore.PasswordProtection(PASSWORD);
    for (Map.Entry<Integer, byte[]> master : masters.entrySet()) {
      store.setEntry(
          "idsettle-master-" + master.getKey(),
          new KeyStore.SecretKeyEntry(new SecretKeySpec(master.getValue(), "AES")),
          protection);
    }
    store.setEntry(
        "idsettle-ledger",
        new KeyStore.SecretKeyEntry(new SecretKeySpec(LEDGER, "HmacSHA256")),
        protection);
    Path file = Files.createTempFile(dir, "issuer", ".p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD);
    }
    KeyStore loaded = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      loaded.load(in, PASSWORD);
    }
    return loaded;
  }

  private static String kcv(byte[] key) {
    return HexFormat.of()
        .formatHex(
            RawIssuerKeys.builder().masterKey(1, key).ledgerKey(LEDGER).build().keyCheckValue(1));
  }
}
