package dev.idsettle.card;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A chip's transport keys: an AES-128 encryption key and an AES-128 MAC key, loaded into the applet
 * when it is installed (GlobalPlatform application parameters, {@link #installParameters}). A card
 * installed with them accepts only a PERSONALIZE wrapped under them ({@link
 * PurseCard#personalise(Personalisation, TransportKeys)}), so the card keys and the PIN never cross
 * the wire in clear.
 *
 * <p>They are derived per chip from a versioned {@link KeyFamily#TRANSPORT} master key held by
 * {@link IssuerKeys} (raw bytes in tests, a key store or an HSM in production): NIST SP 800-108
 * with AES-CMAC, labels {@value #ENCRYPTION_LABEL} and {@value #MAC_LABEL}, the chip's serial
 * number as context. So every chip has its own keys (a wrapped personalisation recorded for one
 * chip cannot be replayed onto another), the master never leaves its store, and the keys of any
 * chip can be derived again from its serial and the version. {@link #close()} overwrites them.
 */
public final class TransportKeys implements AutoCloseable {

  /** Label of the chip's transport encryption key. */
  public static final String ENCRYPTION_LABEL = "idsettle transport encryption key";

  /** Label of the chip's transport MAC key. */
  public static final String MAC_LABEL = "idsettle transport mac key";

  private static final int CRYPTOGRAM = 64;

  private final int version;
  private final byte[] encryptionKey;
  private final byte[] macKey;

  private TransportKeys(int version, byte[] encryptionKey, byte[] macKey) {
    this.version = version;
    this.encryptionKey = encryptionKey;
    this.macKey = macKey;
  }

  /**
   * Derives the transport keys of one chip from version {@code version} of the issuer's transport
   * master key.
   *
   * @param keys where the transport master key lives
   * @param version the transport key version the chip was (or will be) installed with
   * @param chipSerial the chip's serial number (for example its CPLC IC serial), 4 to 16 bytes
   * @throws UnknownKeyVersionException if {@code keys} hold no such transport key
   * @throws IllegalArgumentException if the serial has another length
   */
  public static TransportKeys forChip(IssuerKeys keys, int version, byte[] chipSerial) {
    if (chipSerial.length < 4 || chipSerial.length > 16) {
      throw new IllegalArgumentException(
          "chipSerial: expected 4 to 16 bytes, got " + chipSerial.length);
    }
    return new TransportKeys(
        version,
        derive(keys, version, ENCRYPTION_LABEL, chipSerial),
        derive(keys, version, MAC_LABEL, chipSerial));
  }

  private static byte[] derive(IssuerKeys keys, int version, String label, byte[] serial) {
    return Kdf.derive(
        message -> keys.cmac(KeyFamily.TRANSPORT, version, message),
        label.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        serial,
        AesCmac.LENGTH);
  }

  /** Returns the version of the transport master key these keys come from. */
  public int version() {
    return version;
  }

  /**
   * Returns the key check values of the encryption key and the MAC key, in hex, separated by a
   * slash: what the chip's installer compares to confirm that it loaded the right keys.
   */
  public String checkValues() {
    HexFormat hex = HexFormat.of();
    return hex.formatHex(checkValue(encryptionKey)) + "/" + hex.formatHex(checkValue(macKey));
  }

  private static byte[] checkValue(byte[] key) {
    return AesCmac.checkValue(AesCmac.aes(new SecretKeySpec(key, "AES")));
  }

  /**
   * Returns GlobalPlatform install parameters for the applet: instance AID, no privileges, and the
   * two keys as application parameters.
   */
  public byte[] installParameters(byte[] instanceAid) {
    byte[] parameters = new byte[1 + instanceAid.length + 1 + 1 + 32];
    parameters[0] = (byte) instanceAid.length;
    System.arraycopy(instanceAid, 0, parameters, 1, instanceAid.length);
    int off = 1 + instanceAid.length;
    parameters[off] = 0;
    parameters[off + 1] = 32;
    System.arraycopy(encryptionKey, 0, parameters, off + 2, 16);
    System.arraycopy(macKey, 0, parameters, off + 18, 16);
    return parameters;
  }

  /**
   * Wraps PERSONALIZE data: the header (ID, currency, key version) in clear, then AES-CBC with a
   * zero IV of command key, receipt key, PIN key, PIN length and PIN, zero-padded to 64 bytes, then
   * AES-CMAC under the MAC key of both.
   */
  byte[] wrap(byte[] header, byte[] secrets) {
    byte[] plain = Arrays.copyOf(secrets, CRYPTOGRAM);
    byte[] data = new byte[header.length + CRYPTOGRAM + AesCmac.LENGTH];
    try {
      Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
      cbc.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(encryptionKey, "AES"),
          new IvParameterSpec(new byte[16]));
      System.arraycopy(header, 0, data, 0, header.length);
      System.arraycopy(cbc.doFinal(plain), 0, data, header.length, CRYPTOGRAM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no AES/CBC/NoPadding", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
    byte[] mac = AesCmac.mac(macKey, Arrays.copyOf(data, header.length + CRYPTOGRAM));
    System.arraycopy(mac, 0, data, header.length + CRYPTOGRAM, AesCmac.LENGTH);
    return data;
  }

  @Override
  public String toString() {
    return "transport keys of version " + version + " (check values " + checkValues() + ")";
  }

  /** Overwrites both keys with zeros. */
  @Override
  public void close() {
    Arrays.fill(encryptionKey, (byte) 0);
    Arrays.fill(macKey, (byte) 0);
  }
}
