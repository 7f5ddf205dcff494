package dev.idsettle.card;

import java.security.KeyStore;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the issuer's secret keys live: versioned master keys in three {@link KeyFamily families}
 * (card keys, PIN keys, chip transport keys), from which each card's or chip's keys are derived,
 * and the ledger key that hides card IDs in the ledger. {@link CardIssuer}, {@link PinPad} and
 * {@link TransportKeys} run the protocol over these few operations, so an implementation can keep
 * every master key inside an HSM (any provider behind a {@link KeyStore}, PKCS#11 among them, see
 * {@link #fromKeyStore}) and never hand one out.
 *
 * <p>Key versions let each family rotate: new cards get {@link #currentVersion()}, cards in the
 * field keep the version they were personalised with (receipts and challenges name it), and the
 * issuer keeps every version it still has cards for. A key check value identifies a key without
 * revealing it: check it when a key is loaded.
 */
public interface IssuerKeys {

  /** Returns the version new cards are personalised with, 0 to 255. */
  int currentVersion();

  /**
   * Returns AES-CMAC (RFC 4493) of {@code message} under version {@code version} of {@code family}.
   *
   * @throws UnknownKeyVersionException if there is no such key
   */
  byte[] cmac(KeyFamily family, int version, byte[] message);

  /**
   * Returns AES-CMAC (RFC 4493) of {@code message} under the card master key of {@code version}.
   *
   * @throws UnknownKeyVersionException if there is no such version
   */
  default byte[] masterCmac(int version, byte[] message) {
    return cmac(KeyFamily.CARD, version, message);
  }

  /**
   * Returns HMAC-SHA256 of {@code message} under the ledger key (stable across master keys).
   *
   * @throws IllegalStateException if these keys hold no ledger key (a PIN pad's)
   */
  byte[] ledgerHmac(byte[] message);

  /**
   * Returns the key check value of version {@code version} of {@code family}: the first three bytes
   * of the key's AES encryption of sixteen zero bytes, the customary KCV for AES keys.
   *
   * @throws UnknownKeyVersionException if there is no such key
   */
  byte[] keyCheckValue(KeyFamily family, int version);

  /**
   * Returns the key check value of card master key {@code version}.
   *
   * @throws UnknownKeyVersionException if there is no such version
   */
  default byte[] keyCheckValue(int version) {
    return keyCheckValue(KeyFamily.CARD, version);
  }

  /**
   * Keys from raw bytes, version 1, with the ledger key, the PIN master and the transport master
   * derived from the card master key: for tests and for an issuer without an HSM. See {@link
   * RawIssuerKeys#builder()} for several versions and separate families.
   *
   * @param masterKey an AES key of 16, 24 or 32 bytes (copied)
   * @throws IllegalArgumentException if the key has another length
   */
  static IssuerKeys fromMasterKey(byte[] masterKey) {
    return RawIssuerKeys.builder()
        .masterKey(1, masterKey)
        .derivedLedgerKey(1)
        .derivedFamilies(1)
        .build();
  }

  /**
   * Card master keys and the ledger key held by a {@link KeyStore} (a PKCS12 file, or a PKCS#11
   * token whose keys never leave it): the master key of version {@code v} under alias {@code
   * idsettle-master-v}, the ledger key under {@code idsettle-ledger}.
   *
   * @param store a loaded key store
   * @param password the keys' password (may be empty for a token)
   * @param currentVersion the version new cards get; it must be in the store
   * @param checkValues the expected key check value of each version to use, in hex: a key whose
   *     value differs is refused at once
   * @throws IllegalArgumentException if a key is missing, not an AES key, or fails its check value
   */
  static IssuerKeys fromKeyStore(
      KeyStore store, char[] password, int currentVersion, Map<Integer, String> checkValues) {
    Map<KeyFamily, Map<Integer, String>> families = new EnumMap<>(KeyFamily.class);
    families.put(KeyFamily.CARD, checkValues);
    return fromKeyStoreFamilies(store, password, currentVersion, families);
  }

  /**
   * Keys of several families held by a {@link KeyStore}, with any provider: every AES and HMAC
   * operation is asked of the store's own provider first (so a SunPKCS11 instance that was never
   * added to {@link java.security.Security} works), then of the installed ones. Version {@code v}
   * of a family is under {@link KeyFamily#alias(int)}; the ledger key under {@code idsettle-ledger}
   * is loaded when card keys are, and only then. A PIN pad's store holds only PIN keys; a
   * personalisation bureau's adds transport keys.
   *
   * @param store a loaded key store
   * @param password the keys' password (may be empty for a token)
   * @param currentVersion the version new cards get; it must be one of the card versions given, if
   *     any are
   * @param checkValues per family, the expected key check value of each version to load, in hex: a
   *     key whose value differs is refused at once
   * @throws IllegalArgumentException if a key is missing, not a secret key, or fails its check
   *     value
   */
  static IssuerKeys fromKeyStoreFamilies(
      KeyStore store,
      char[] password,
      int currentVersion,
      Map<KeyFamily, Map<Integer, String>> checkValues) {
    return KeyStoreIssuerKeys.load(store, password, currentVersion, checkValues);
  }
}
