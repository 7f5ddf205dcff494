package dev.idsettle.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The PIN entry side of VERIFY and CHANGE PIN: puts a PIN under session keys that only this pad and
 * the card can derive, so the PIN never crosses the reader in clear and a recorded command cannot
 * be replayed. Run it where the PIN is typed (a PIN pad's secure element, or an HSM it asks): its
 * {@link IssuerKeys} need only the {@link KeyFamily#PIN} family, which can neither authorise a
 * credit nor forge a receipt.
 *
 * <p>Per card, the PIN key is derived from the PIN master of the card's key version: NIST SP
 * 800-108 with AES-CMAC, label {@value #PIN_KEY_LABEL}, the card ID's BCD as context; the issuer
 * puts it on the card at personalisation. Per command, the card gives a fresh 8-byte challenge (PIN
 * CHALLENGE), this pad picks an 8-byte nonce, and both derive two session keys from the PIN key
 * (label "PENC" for encryption, "PMAC" for the MAC, context challenge ‖ nonce). The command carries
 * nonce ‖ AES(session encryption key, PIN length ‖ PIN ‖ random fill) ‖ AES-CMAC(session MAC key,
 * INS ‖ nonce ‖ that block). Thread-safe if the keys are.
 */
public final class PinPad {

  /** Label of each card's PIN key. */
  public static final String PIN_KEY_LABEL = "idsettle card pin key";

  static final int COMMAND_LENGTH = 40;

  private final IssuerKeys keys;
  private final SecureRandom random = new SecureRandom();

  private PinPad(IssuerKeys keys) {
    this.keys = keys;
  }

  /** A PIN pad over keys that hold the PIN family (and may hold nothing else). */
  public static PinPad over(IssuerKeys keys) {
    return new PinPad(Objects.requireNonNull(keys, "keys"));
  }

  /** Derives the PIN key of {@code cardId} under PIN master {@code version}. */
  static byte[] pinKey(IssuerKeys keys, int version, CardId cardId) {
    return Kdf.derive(
        message -> keys.cmac(KeyFamily.PIN, version, message),
        PIN_KEY_LABEL.getBytes(StandardCharsets.US_ASCII),
        cardId.toBcd(),
        AesCmac.LENGTH);
  }

  /**
   * Returns the data of a VERIFY ({@code ins} 0x20) or CHANGE PIN (0x24) for {@code pin} under the
   * session keys of {@code challenge}.
   */
  byte[] protect(int ins, CardId cardId, PinChallenge challenge, byte[] pin) {
    byte[] nonce = new byte[8];
    random.nextBytes(nonce);
    byte[] context = new byte[16];
    Bytes.putU64(context, 0, challenge.value());
    System.arraycopy(nonce, 0, context, 8, 8);
    byte[] block = new byte[16];
    random.nextBytes(block);
    block[0] = (byte) pin.length;
    System.arraycopy(pin, 0, block, 1, pin.length);
    byte[] pinKey = pinKey(keys, challenge.keyVersion(), cardId);
    byte[] encKey = Kdf.derive(pinKey, ascii("PENC"), context, AesCmac.LENGTH);
    byte[] macKey = Kdf.derive(pinKey, ascii("PMAC"), context, AesCmac.LENGTH);
    try {
      byte[] data = new byte[COMMAND_LENGTH];
      System.arraycopy(nonce, 0, data, 0, 8);
      System.arraycopy(encrypt(encKey, block), 0, data, 8, 16);
      byte[] macInput = new byte[25];
      macInput[0] = (byte) ins;
      System.arraycopy(data, 0, macInput, 1, 24);
      System.arraycopy(AesCmac.mac(macKey, macInput), 0, data, 24, AesCmac.LENGTH);
      return data;
    } finally {
      Arrays.fill(block, (byte) 0);
      Arrays.fill(pinKey, (byte) 0);
      Arrays.fill(encKey, (byte) 0);
      Arrays.fill(macKey, (byte) 0);
    }
  }

  private static byte[] encrypt(byte[] key, byte[] block) {
    try {
      Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
      return aes.doFinal(block);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no AES/ECB/NoPadding", e);
    }
  }

  private static byte[] ascii(String label) {
    return label.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "PIN pad";
  }
}
