package dev.idsettle.card;

import java.security.KeyStore;
import java.util.Map;

/**
 * Where the issuer's secret keys live: master keys by version, from which each card's keys are
 * derived, and the ledger key that hides card IDs in the ledger. {@link CardIssuer} runs the
 * protocol over these few operations, so an implementation can keep every key inside an HSM (a
 * PKCS#11 provider behind a {@link KeyStore}, see {@link #fromKeyStore}) and never hand one out.
 *
 * <p>Key versions let the master key rotate: new cards get {@link #currentVersion()}, cards in the
 * field keep the version they were personalised with (receipts and challenges name it), and the
 * issuer keeps every version it still has cards for. A key check value identifies a key without
 * revealing it: check it when a key is loaded.
 */
public interface IssuerKeys {

  /** Returns the version new cards are personalised with, 0 to 255. */
  int currentVersion();

  /**
   * Returns AES-CMAC (RFC 4493) of {@code message} under the master key of {@code version}.
   *
   * @throws UnknownKeyVersionException if there is no such version
   */
  byte[] masterCmac(int version, byte[] message);

  /** Returns HMAC-SHA256 of {@code message} under the ledger key (stable across master keys). */
  byte[] ledgerHmac(byte[] message);

  /**
   * Returns the key check value of master key {@code version}: the first three bytes of the key's
   * AES encryption of sixteen zero bytes, the customary KCV for AES keys.
   *
   * @throws UnknownKeyVersionException if there is no such version
   */
  byte[] keyCheckValue(int version);

  /**
   * Keys from raw bytes, version 1, with the ledger key derived from the master key: for tests and
   * for an issuer without an HSM. See {@link RawIssuerKeys#builder()} for several versions.
   *
   * @param masterKey an AES key of 16, 24 or 32 bytes (copied)
   * @throws IllegalArgumentException if the key has another length
   */
  static IssuerKeys fromMasterKey(byte[] masterKey) {
    return RawIssuerKeys.builder().masterKey(1, masterKey).derivedLedgerKey(1).build();
  }

  /**
   * Keys held by a {@link KeyStore} (a PKCS12 file, or a PKCS#11 token whose keys never leave it):
   * the master key of version {@code v} under alias {@code idsettle-master-v}, the ledger key under
   * {@code idsettle-ledger}.
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
    return KeyStoreIssuerKeys.load(store, password, currentVersion, checkValues);
  }
}
