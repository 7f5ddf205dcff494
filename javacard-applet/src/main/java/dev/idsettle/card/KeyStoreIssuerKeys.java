package dev.idsettle.card;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/**
 * Issuer keys that stay in a {@link KeyStore}: this class holds only the store's key objects, which
 * for a PKCS#11 token are handles, and asks the store's own provider (then the installed ones) for
 * every AES and HMAC operation.
 */
final class KeyStoreIssuerKeys implements IssuerKeys {

  static final String LEDGER_ALIAS = "idsettle-ledger";

  private final Map<KeyFamily, Map<Integer, SecretKey>> keys;
  private final @Nullable SecretKey ledgerKey;
  private final int currentVersion;
  private final Provider provider;

  private KeyStoreIssuerKeys(
      Map<KeyFamily, Map<Integer, SecretKey>> keys,
      @Nullable SecretKey ledgerKey,
      int currentVersion,
      Provider provider) {
    this.keys = keys;
    this.ledgerKey = ledgerKey;
    this.currentVersion = currentVersion;
    this.provider = provider;
  }

  static KeyStoreIssuerKeys load(
      KeyStore store,
      char[] password,
      int currentVersion,
      Map<KeyFamily, Map<Integer, String>> checkValues) {
    Map<Integer, String> cards = checkValues.getOrDefault(KeyFamily.CARD, Map.of());
    if (!cards.isEmpty() && !cards.containsKey(currentVersion)) {
      throw new IllegalArgumentException(
          "checkValues: give the check value of the current version " + currentVersion);
    }
    if (checkValues.values().stream().allMatch(Map::isEmpty)) {
      throw new IllegalArgumentException("checkValues: name at least one key to load");
    }
    Provider provider = store.getProvider();
    Map<KeyFamily, Map<Integer, SecretKey>> keys = new EnumMap<>(KeyFamily.class);
    checkValues.forEach(
        (family, versions) ->
            versions.forEach(
                (version, expected) -> {
                  SecretKey key = secretKey(store, family.alias(version), password);
                  String actual =
                      HexFormat.of().formatHex(AesCmac.checkValue(AesCmac.aes(key, provider)));
                  if (!actual.equalsIgnoreCase(expected)) {
                    throw new IllegalArgumentException(
                        "checkValues: "
                            + family.noun()
                            + " key "
                            + version
                            + " has check value "
                            + actual
                            + ", expected "
                            + expected
                            + ": a wrong key");
                  }
                  keys.computeIfAbsent(family, f -> new TreeMap<>()).put(version, key);
                }));
    SecretKey ledger = cards.isEmpty() ? null : secretKey(store, LEDGER_ALIAS, password);
    return new KeyStoreIssuerKeys(keys, ledger, currentVersion, provider);
  }

  @Override
  public int currentVersion() {
    return currentVersion;
  }

  @Override
  public byte[] cmac(KeyFamily family, int version, byte[] message) {
    return AesCmac.mac(AesCmac.aes(key(family, version), provider), message);
  }

  @Override
  public byte[] ledgerHmac(byte[] message) {
    SecretKey ledger = ledgerKey;
    if (ledger == null) {
      throw new IllegalStateException(
          "these keys hold no ledger key: load card keys (and idsettle-ledger) to name cards");
    }
    return Hmac.sha256(ledger, provider, message);
  }

  @Override
  public byte[] keyCheckValue(KeyFamily family, int version) {
    return AesCmac.checkValue(AesCmac.aes(key(family, version), provider));
  }

  private SecretKey key(KeyFamily family, int version) {
    SecretKey key = keys.getOrDefault(family, Map.of()).get(version);
    if (key == null) {
      throw new UnknownKeyVersionException(family, version);
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
