package dev.idsettle.card;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A chip's transport keys: an AES-128 encryption key and an AES-128 MAC key, loaded into the applet
 * when it is installed (GlobalPlatform application parameters, {@link #installParameters}). A card
 * installed with them accepts only a PERSONALIZE wrapped under them ({@link
 * PurseCard#personalise(Personalisation, TransportKeys)}), so the card keys and the PIN never cross
 * the wire in clear. Give every chip its own transport keys: a wrapped personalisation recorded for
 * one chip then cannot be replayed onto another. {@link #close()} overwrites them.
 */
public final class TransportKeys implements AutoCloseable {

  private final byte[] encryptionKey;
  private final byte[] macKey;

  private TransportKeys(byte[] encryptionKey, byte[] macKey) {
    this.encryptionKey = encryptionKey;
    this.macKey = macKey;
  }

  /**
   * Copies two AES-128 keys.
   *
   * @throws IllegalArgumentException if either is not 16 bytes
   */
  public static TransportKeys of(byte[] encryptionKey, byte[] macKey) {
    if (encryptionKey.length != 16 || macKey.length != 16) {
      throw new IllegalArgumentException(
          "transport keys: expected two AES-128 keys of 16 bytes, got "
              + encryptionKey.length
              + " and "
              + macKey.length);
    }
    return new TransportKeys(encryptionKey.clone(), macKey.clone());
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
   * zero IV of command key, receipt key, PIN length and PIN, zero-padded to 48 bytes, then AES-CMAC
   * under the MAC key of both.
   */
  byte[] wrap(byte[] header, byte[] secrets) {
    byte[] plain = Arrays.copyOf(secrets, 48);
    byte[] data = new byte[header.length + 48 + AesCmac.LENGTH];
    try {
      Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
      cbc.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(encryptionKey, "AES"),
          new IvParameterSpec(new byte[16]));
      System.arraycopy(header, 0, data, 0, header.length);
      System.arraycopy(cbc.doFinal(plain), 0, data, header.length, 48);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no AES/CBC/NoPadding", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
    byte[] mac = AesCmac.mac(macKey, Arrays.copyOf(data, header.length + 48));
    System.arraycopy(mac, 0, data, header.length + 48, AesCmac.LENGTH);
    return data;
  }

  /** Overwrites both keys with zeros. */
  @Override
  public void close() {
    Arrays.fill(encryptionKey, (byte) 0);
    Arrays.fill(macKey, (byte) 0);
  }
}
