package dev.idsettle.card;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Issuer keys held as bytes in this process: for tests, and for an issuer without an HSM. {@link
 * #close()} overwrites them. Thread-safe.
 */
public final class RawIssuerKeys implements IssuerKeys, AutoCloseable {

  private static final String LEDGER_LABEL = "idsettle card ledger key";

  private final Map<Integer, byte[]> masterKeys;
  private final byte[] ledgerKey;
  private final int currentVersion;

  private RawIssuerKeys(Map<Integer, byte[]> masterKeys, byte[] ledgerKey, int currentVersion) {
    this.masterKeys = masterKeys;
    this.ledgerKey = ledgerKey;
    this.currentVersion = currentVersion;
  }

  /** Returns a builder; add at least one master key and a ledger key. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int currentVersion() {
    return currentVersion;
  }

  @Override
  public byte[] masterCmac(int version, byte[] message) {
    return AesCmac.mac(master(version), message);
  }

  @Override
  public byte[] ledgerHmac(byte[] message) {
    return Hmac.sha256(new SecretKeySpec(ledgerKey, "HmacSHA256"), message);
  }

  @Override
  public byte[] keyCheckValue(int version) {
    Cipher aes = AesCmac.aes(new SecretKeySpec(master(version), "AES"));
    return AesCmac.checkValue(aes);
  }

  /** Overwrites every key with zeros; the keys cannot be used afterwards. */
  @Override
  public void close() {
    synchronized (masterKeys) {
      masterKeys.values().forEach(k -> Arrays.fill(k, (byte) 0));
      masterKeys.clear();
      Arrays.fill(ledgerKey, (byte) 0);
    }
  }

  private byte[] master(int version) {
    synchronized (masterKeys) {
      byte[] key = masterKeys.get(version);
      if (key == null) {
        throw new UnknownKeyVersionException(version);
      }
      return key;
    }
  }

  /** Collects keys; {@link #build()} copies them and wipes its own copies. */
  public static final class Builder {
    private final Map<Integer, byte[]> masterKeys = new TreeMap<>();
    private byte @Nullable [] ledgerKey;
    private int ledgerFrom = -1;
    private int currentVersion = -1;

    private Builder() {}

    /**
     * Adds master key {@code version} (a copy); the highest version added is the current one unless
     * {@link #currentVersion} says otherwise.
     *
     * @throws IllegalArgumentException if the version is not 0 to 255, is added twice, or the key
     *     is not 16, 24 or 32 bytes
     */
    public Builder masterKey(int version, byte[] key) {
      if (version < 0 || version > 255) {
        throw new IllegalArgumentException("version: expected 0 to 255, got " + version);
      }
      if (key.length != 16 && key.length != 24 && key.length != 32) {
        throw new IllegalArgumentException(
            "masterKey: an AES key has 16, 24 or 32 bytes, got " + key.length);
      }
      if (masterKeys.putIfAbsent(version, key.clone()) != null) {
        throw new IllegalArgumentException("version: master key " + version + " added twice");
      }
      return this;
    }

    /** Sets the version new cards get; it must have a master key. */
    public Builder currentVersion(int version) {
      currentVersion = version;
      return this;
    }

    /**
     * Sets the ledger key (at least 32 bytes, copied). It must never change: the ledger finds card
     * accounts by it.
     */
    public Builder ledgerKey(byte[] key) {
      if (key.length < 32) {
        throw new IllegalArgumentException(
            "ledgerKey: expected at least 32 bytes, got " + key.length);
      }
      ledgerKey = key.clone();
      return this;
    }

    /** Derives the ledger key from master key {@code version} (keep that version forever). */
    public Builder derivedLedgerKey(int version) {
      ledgerFrom = version;
      return this;
    }

    /**
     * Builds the keys.
     *
     * @throws IllegalArgumentException if there is no master key, no ledger key, or the current
     *     version has no key
     */
    public RawIssuerKeys build() {
      if (masterKeys.isEmpty()) {
        throw new IllegalArgumentException("masterKey: at least one master key is needed");
      }
      int current =
          currentVersion >= 0 ? currentVersion : ((TreeMap<Integer, byte[]>) masterKeys).lastKey();
      if (!masterKeys.containsKey(current)) {
        throw new IllegalArgumentException("currentVersion: no master key " + current);
      }
      byte[] ledger = ledgerKey;
      if (ledger == null) {
        byte[] from = masterKeys.get(ledgerFrom);
        if (from == null) {
          throw new IllegalArgumentException(
              "ledgerKey: set one, or derive it from a master key that was added");
        }
        ledger =
            Kdf.derive(from, LEDGER_LABEL.getBytes(StandardCharsets.US_ASCII), new byte[0], 32);
      }
      Map<Integer, byte[]> copies = new TreeMap<>();
      masterKeys.forEach((v, k) -> copies.put(v, k.clone()));
      RawIssuerKeys keys = new RawIssuerKeys(copies, ledger.clone(), current);
      masterKeys.values().forEach(k -> Arrays.fill(k, (byte) 0));
      masterKeys.clear();
      Arrays.fill(ledger, (byte) 0);
      ledgerKey = null;
      return keys;
    }
  }
}
