package dev.idsettle.card;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKey;

/**
 * Issuer keys that stay in a {@link KeyStore}: this class holds only the store's key objects, which
 * for a PKCS#11 token are handles, and asks the store's provider for every AES and HMAC operation.
 */
final class KeyStoreIssuerKeys implements IssuerKeys {

  static final String MASTER_ALIAS = "idsettle-master-";
  static final String LEDGER_ALIAS = "idsettle-ledger";

  private final Map<Integer, SecretKey> masterKeys;
  private final SecretKey ledgerKey;
  private final int currentVersion;

  private KeyStoreIssuerKeys(
      Map<Integer, SecretKey> masterKeys, SecretKey ledgerKey, int currentVersion) {
    this.masterKeys = masterKeys;
    this.ledgerKey = ledgerKey;
    this.currentVersion = currentVersion;
  }

  static KeyStoreIssuerKeys load(
      KeyStore store, char[] password, int currentVersion, Map<Integer, String> checkValues) {
    if (!checkValues.containsKey(currentVersion)) {
      throw new IllegalArgumentException(
          "checkValues: give the check value of the current version " + currentVersion);
    }
    Map<Integer, SecretKey> masters = new TreeMap<>();
    checkValues.forEach(
        (version, expected) -> {
          SecretKey key = secretKey(store, MASTER_ALIAS + version, password);
          String actual = HexFormat.of().formatHex(AesCmac.checkValue(AesCmac.aes(key)));
          if (!actual.equalsIgnoreCase(expected)) {
            throw new IllegalArgumentException(
                "checkValues: master key "
                    + version
                    + " has check value "
                    + actual
                    + ", expected "
                    + expected
                    + ": a wrong key");
          }
          masters.put(version, key);
        });
    return new KeyStoreIssuerKeys(
        masters, secretKey(store, LEDGER_ALIAS, password), currentVersion);
  }

  @Override
  public int currentVersion() {
    return currentVersion;
  }

  @Override
  public byte[] masterCmac(int version, byte[] message) {
    return AesCmac.mac(AesCmac.aes(master(version)), message);
  }

  @Override
  public byte[] ledgerHmac(byte[] message) {
    return Hmac.sha256(ledgerKey, message);
  }

  @Override
  public byte[] keyCheckValue(int version) {
    return AesCmac.checkValue(AesCmac.aes(master(version)));
  }

  private SecretKey master(int version) {
    SecretKey key = masterKeys.get(version);
    if (key == null) {
      throw new UnknownKeyVersionException(version);
    }
    return key;
  }

  private static SecretKey secretKey(KeyStore store, String alias, char[] password) {
    Key key;
    try {
      key = store.getKey(alias, password);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "store: cannot read key " + alias + " (" + e.getClass().getSimpleName() + ")", e);
    }
    if (!(key instanceof SecretKey secret)) {
      throw new IllegalArgumentException("store: no secret key under alias " + alias);
    }
    return secret;
  }
}
