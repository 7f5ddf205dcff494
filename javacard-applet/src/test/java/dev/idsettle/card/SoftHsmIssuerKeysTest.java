package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.CARD_ID;
import static dev.idsettle.card.CardFixture.JPY;
import static dev.idsettle.card.CardFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The issuer's keys in an HSM: SoftHSM2 (Debian's {@code softhsm2}) through the JDK's SunPKCS11
 * provider, configured here and never added to {@link Security}, behind a plain {@link KeyStore}.
 * Card masters imported from known bytes give the same card keys, ledger handles and check values
 * as raw keys; card and PIN masters generated inside the token (their bytes never known to anyone)
 * drive a whole card. The test makes a token of its own under {@code target/} ({@code
 * SOFTHSM2_CONF}, set by surefire). Without the package it is skipped, except under {@code
 * CI=true}, where it fails.
 */
class SoftHsmIssuerKeysTest {

  private static final Path UTIL = Path.of("/usr/bin/softhsm2-util");
  private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  private static final char[] USER_PIN = "246810".toCharArray();
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] PIN_MASTER = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
  private static final byte[] TRANSPORT_MASTER = HEX.parseHex("b0b1b2b3b4b5b6b7b8b9babbbcbdbebf");
  private static final byte[] LEDGER = HEX.parseHex("c0".repeat(32));
  private static final byte[] SERIAL = HEX.parseHex("4090a1b2c3d4e5f6");

  private static KeyStore token;
  private static String generatedCardKcv;
  private static String generatedPinKcv;

  @BeforeAll
  static void makeAToken() throws Exception {
    List<Path> missing = Stream.of(UTIL, LIBRARY).filter(p -> !Files.exists(p)).toList();
    if (!missing.isEmpty()) {
      String message = "no SoftHSM2 here (missing " + missing + "): apt-get install -y softhsm2";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("CI must run the HSM test, but " + message);
      }
      Assumptions.abort("skipped: " + message);
    }
    String conf = System.getenv("SOFTHSM2_CONF");
    if (conf == null) {
      throw new IllegalStateException("SOFTHSM2_CONF is not set: run through surefire (pom.xml)");
    }
    Path tokens = Path.of(conf).resolveSibling("tokens");
    deleteTree(tokens);
    Files.createDirectories(tokens);
    Files.writeString(
        Path.of(conf),
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    String slot = initToken();
    Path config = Path.of(conf).resolveSibling("sunpkcs11.cfg");
    Files.writeString(
        config,
        String.join(
            "\n",
            "name = SoftHSM",
            "library = " + LIBRARY,
            "slot = " + slot,
            "attributes(generate, CKO_SECRET_KEY, *) = {",
            "  CKA_SENSITIVE = true",
            "  CKA_EXTRACTABLE = false",
            "}",
            ""));
    Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
    token = KeyStore.getInstance("PKCS11", provider);
    token.load(null, USER_PIN);
    imported(KeyFamily.CARD.alias(1), CardFixture.MASTER_KEY, "AES");
    imported(KeyFamily.PIN.alias(1), PIN_MASTER, "AES");
    imported(KeyFamily.TRANSPORT.alias(1), TRANSPORT_MASTER, "AES");
    imported("idsettle-ledger", LEDGER, "HmacSHA256");
    KeyGenerator aes = KeyGenerator.getInstance("AES", provider);
    aes.init(128);
    for (KeyFamily family : new KeyFamily[] {KeyFamily.CARD, KeyFamily.PIN}) {
      token.setEntry(family.alias(2), new KeyStore.SecretKeyEntry(aes.generateKey()), null);
    }
    // what the key ceremony records: the check values the token computes for its own keys
    generatedCardKcv = tokenKcv(KeyFamily.CARD.alias(2));
    generatedPinKcv = tokenKcv(KeyFamily.PIN.alias(2));
  }

  @Test
  void importedMastersGiveTheSameKeysHandlesAndCheckValuesAsRawBytes() {
    IssuerKeys hsm =
        IssuerKeys.fromKeyStoreFamilies(
            token,
            USER_PIN,
            1,
            Map.of(
                KeyFamily.CARD, Map.of(1, kcv(CardFixture.MASTER_KEY)),
                KeyFamily.PIN, Map.of(1, kcv(PIN_MASTER)),
                KeyFamily.TRANSPORT, Map.of(1, kcv(TRANSPORT_MASTER))));
    RawIssuerKeys raw =
        RawIssuerKeys.builder()
            .masterKey(1, CardFixture.MASTER_KEY)
            .key(KeyFamily.PIN, 1, PIN_MASTER)
            .key(KeyFamily.TRANSPORT, 1, TRANSPORT_MASTER)
            .ledgerKey(LEDGER)
            .build();

    CardIssuer fromHsm = CardIssuer.over(hsm);
    CardIssuer fromRaw = CardIssuer.over(raw);
    assertThat(fromHsm.commandKey(CARD_ID)).isEqualTo(fromRaw.commandKey(CARD_ID));
    assertThat(fromHsm.receiptKey(CARD_ID)).isEqualTo(fromRaw.receiptKey(CARD_ID));
    assertThat(fromHsm.ledgerHandle(CARD_ID)).isEqualTo(fromRaw.ledgerHandle(CARD_ID));
    assertThat(PinPad.pinKey(hsm, 1, CARD_ID)).isEqualTo(PinPad.pinKey(raw, 1, CARD_ID));
    assertThat(TransportKeys.forChip(hsm, 1, SERIAL).checkValues())
        .isEqualTo(TransportKeys.forChip(raw, 1, SERIAL).checkValues());
    for (KeyFamily family : KeyFamily.values()) {
      assertThat(hsm.keyCheckValue(family, 1)).isEqualTo(raw.keyCheckValue(family, 1));
    }
    assertThatThrownBy(
            () ->
                IssuerKeys.fromKeyStoreFamilies(
                    token, USER_PIN, 1, Map.of(KeyFamily.PIN, Map.of(1, "000000"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("checkValues: pin key 1 has check value");
  }

  @Test
  void mastersMadeInsideTheTokenDriveAWholeCardAndNeverLeaveIt() throws Exception {
    String cardKcv = generatedCardKcv;
    String pinKcv = generatedPinKcv;
    CardIssuer issuer =
        CardIssuer.over(
            IssuerKeys.fromKeyStoreFamilies(
                token,
                USER_PIN,
                2,
                Map.of(KeyFamily.CARD, Map.of(2, cardKcv), KeyFamily.PIN, Map.of(2, pinKcv))));
    IssuerKeys pinPadKeys =
        IssuerKeys.fromKeyStoreFamilies(
            token, USER_PIN, 2, Map.of(KeyFamily.PIN, Map.of(2, pinKcv)));
    PinPad pad = PinPad.over(pinPadKeys);
    CardFixture fixture = CardFixture.installed();

    fixture.client.personalise(issuer.personalisation(CARD_ID, JPY, CardFixture.PIN));
    Challenge challenge = fixture.client.initialize();
    issuer.verify(
        fixture.client.credit(challenge, 900, issuer.authorizeCredit(CARD_ID, challenge, 900)));
    fixture.client.verifyPin(pad, CardFixture.PIN);
    VerifiedReceipt debit = issuer.verify(fixture.client.debit(PAYEE, 400));

    assertThat(challenge.keyVersion()).isEqualTo(2);
    assertThat(debit.receipt().newBalance()).isEqualTo(500);
    assertThat(((SecretKey) token.getKey(KeyFamily.CARD.alias(2), USER_PIN)).getEncoded()).isNull();
    assertThatThrownBy(() -> pinPadKeys.ledgerHmac(new byte[1]))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> pinPadKeys.masterCmac(2, new byte[1]))
        .isInstanceOf(UnknownKeyVersionException.class);
  }

  private static void imported(String alias, byte[] key, String algorithm) throws Exception {
    token.setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(key, algorithm)), null);
  }

  private static String kcv(byte[] key) {
    return HEX.formatHex(AesCmac.checkValue(AesCmac.aes(new SecretKeySpec(key, "AES"))));
  }

  /** The check value of a key in the token, computed by the token. */
  private static String tokenKcv(String alias) throws Exception {
    return HEX.formatHex(
        AesCmac.checkValue(AesCmac.aes(token.getKey(alias, USER_PIN), token.getProvider())));
  }

  private static String initToken() throws IOException, InterruptedException {
    Process init =
        new ProcessBuilder(
                UTIL.toString(),
                "--init-token",
                "--free",
                "--label",
                "idsettle-test",
                "--pin",
                new String(USER_PIN),
                "--so-pin",
                "13579246")
            .redirectErrorStream(true)
            .start();
    String out = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (init.waitFor() != 0) {
      throw new IllegalStateException("softhsm2-util --init-token failed: " + out);
    }
    Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
    if (!slot.find()) {
      throw new IllegalStateException("softhsm2-util named no slot: " + out);
    }
    return slot.group(1);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
