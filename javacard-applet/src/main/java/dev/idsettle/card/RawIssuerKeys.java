package dev.idsettle.card;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
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

  private final Map<KeyFamily, Map<Integer, byte[]>> keys;
  private final byte[] ledgerKey;
  private final int currentVersion;

  private RawIssuerKeys(
      Map<KeyFamily, Map<Integer, byte[]>> keys, byte[] ledgerKey, int currentVersion) {
    this.keys = keys;
    this.ledgerKey = ledgerKey;
    this.currentVersion = currentVersion;
  }

  /** Returns a builder; add at least one card master key and a ledger key. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int currentVersion() {
    return currentVersion;
  }

  @Override
  public byte[] cmac(KeyFamily family, int version, byte[] message) {
    synchronized (keys) {
      return AesCmac.mac(key(family, version), message);
    }
  }

  @Override
  public byte[] ledgerHmac(byte[] message) {
    synchronized (keys) {
      return Hmac.sha256(new SecretKeySpec(ledgerKey, "HmacSHA256"), message);
    }
  }

  @Override
  public byte[] keyCheckValue(KeyFamily family, int version) {
    synchronized (keys) {
      Cipher aes = AesCmac.aes(new SecretKeySpec(key(family, version), "AES"));
      return AesCmac.checkValue(aes);
    }
  }

  /** Overwrites every key with zeros; the keys cannot be used afterwards. */
  @Override
  public void close() {
    synchronized (keys) {
      keys.values().forEach(Builder::wipe);
      Arrays.fill(ledgerKey, (byte) 0);
    }
  }

  private byte[] key(KeyFamily family, int version) {
    byte[] key = keys.getOrDefault(family, Map.of()).get(version);
    if (key == null) {
      throw new UnknownKeyVersionException(family, version);
    }
    return key;
  }

  /** Collects keys; {@link #build()} copies them and wipes its own copies. */
  public static final class Builder {
    private final Map<KeyFamily, Map<Integer, byte[]>> keys = new EnumMap<>(KeyFamily.class);
    private byte @Nullable [] ledgerKey;
    private int ledgerFrom = -1;
    private int familiesFrom = -1;
    private int currentVersion = -1;

    private Builder() {}

    /**
     * Adds card master key {@code version} (a copy); the highest version added is the current one
     * unless {@link #currentVersion} says otherwise.
     *
     * @throws IllegalArgumentException if the version is not 0 to 255, is added twice, or the key
     *     is not 16, 24 or 32 bytes
     */
    public Builder masterKey(int version, byte[] key) {
      requireAesLength("masterKey", key);
      return key(KeyFamily.CARD, version, key);
    }

    /**
     * Adds version {@code version} of {@code family} (a copy).
     *
     * @throws IllegalArgumentException if the version is not 0 to 255, is added twice, or the key
     *     is not 16, 24 or 32 bytes
     */
    public Builder key(KeyFamily family, int version, byte[] key) {
      if (version < 0 || version > 255) {
        throw new IllegalArgumentException("version: expected 0 to 255, got " + version);
      }
      requireAesLength("key", key);
      Map<Integer, byte[]> versions = keys.computeIfAbsent(family, f -> new TreeMap<>());
      if (versions.putIfAbsent(version, key.clone()) != null) {
        throw new IllegalArgumentException(
            "version: " + family + " key " + version + " added twice");
      }
      return this;
    }

    /** Sets the version new cards get; it must have a card master key. */
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

    /** Derives the ledger key from card master key {@code version} (keep that version forever). */
    public Builder derivedLedgerKey(int version) {
      ledgerFrom = version;
      return this;
    }

    /**
     * Derives version {@code version} of the PIN and transport families from card master key {@code
     * version}, where they were not added: a convenience for tests. In production give each family
     * its own key, so a PIN pad or a personalisation bureau never holds a card master.
     */
    public Builder derivedFamilies(int version) {
      familiesFrom = version;
      return this;
    }

    /**
     * Builds the keys.
     *
     * @throws IllegalArgumentException if there is no card master key, no ledger key, or the
     *     current version has no key
     */
    public RawIssuerKeys build() {
      TreeMap<Integer, byte[]> masters =
          (TreeMap<Integer, byte[]>) keys.getOrDefault(KeyFamily.CARD, new TreeMap<>());
      if (masters.isEmpty()) {
        throw new IllegalArgumentException("masterKey: at least one master key is needed");
      }
      int current = currentVersion >= 0 ? currentVersion : masters.lastKey();
      if (!masters.containsKey(current)) {
        throw new IllegalArgumentException("currentVersion: no master key " + current);
      }
      byte[] ledger = ledgerKey;
      if (ledger == null) {
        ledger = derived(masters, ledgerFrom, "ledgerKey", LEDGER_LABEL, 32);
      }
      if (familiesFrom >= 0) {
        for (KeyFamily family : new KeyFamily[] {KeyFamily.PIN, KeyFamily.TRANSPORT}) {
          Map<Integer, byte[]> versions = keys.computeIfAbsent(family, f -> new TreeMap<>());
          if (!versions.containsKey(familiesFrom)) {
            String label = "idsettle " + family.noun() + " key";
            versions.put(familiesFrom, derived(masters, familiesFrom, "family", label, 16));
          }
        }
      }
      Map<KeyFamily, Map<Integer, byte[]>> copies = new EnumMap<>(KeyFamily.class);
      keys.forEach(
          (family, versions) -> {
            Map<Integer, byte[]> copy = new TreeMap<>();
            versions.forEach((v, k) -> copy.put(v, k.clone()));
            copies.put(family, copy);
          });
      RawIssuerKeys built = new RawIssuerKeys(copies, ledger.clone(), current);
      keys.values().forEach(Builder::wipe);
      keys.clear();
      Arrays.fill(ledger, (byte) 0);
      ledgerKey = null;
      return built;
    }

    private static byte[] derived(
        Map<Integer, byte[]> masters, int from, String field, String label, int length) {
      byte[] master = masters.get(from);
      if (master == null) {
        throw new IllegalArgumentException(
            field + ": set one, or derive it from a master key that was added");
      }
      return Kdf.derive(master, label.getBytes(StandardCharsets.US_ASCII), new byte[0], length);
    }

    private static void requireAesLength(String field, byte[] key) {
      if (key.length != 16 && key.length != 24 && key.length != 32) {
        throw new IllegalArgumentException(
            field + ": an AES key has 16, 24 or 32 bytes, got " + key.length);
      }
    }

    private static void wipe(Map<Integer, byte[]> versions) {
      versions.values().forEach(k -> Arrays.fill(k, (byte) 0));
      versions.clear();
    }
  }
}
