package dev.idsettle.http;

import dev.idsettle.InvalidConfigurationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * The registered parties and their keys: who may call a server. Immutable once built.
 *
 * <pre>{@code
 * Parties parties = Parties.builder()
 *     .add(Party.terminal("till-1"), tillKey)
 *     .add(Party.authenticator("phone-1", "phone"), phoneKey)
 *     .build();
 * }</pre>
 */
public final class Parties {
  /** The shortest key, in bytes. */
  public static final int MIN_KEY_BYTES = 32;

  private final Map<String, Entry> byName;

  private Parties(Map<String, Entry> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** Starts a registry. */
  public static Builder builder() {
    return new Builder();
  }

  /** The party called {@code name}, if registered. */
  public Optional<Party> party(String name) {
    Entry e = byName.get(name);
    return e == null ? Optional.empty() : Optional.of(e.party);
  }

  /** The HMAC key of the party called {@code name}, if registered. */
  Optional<SecretKeySpec> key(String name) {
    Entry e = byName.get(name);
    return e == null ? Optional.empty() : Optional.of(e.key);
  }

  private record Entry(Party party, SecretKeySpec key) {}

  /** Collects parties; validated as they are added, naming the party at fault. */
  public static final class Builder {
    private final Map<String, Entry> byName = new HashMap<>();

    private Builder() {}

    /**
     * Registers {@code party} with its HMAC-SHA256 key (at least {@value Parties#MIN_KEY_BYTES}
     * secret bytes, shared with that party only).
     *
     * @throws InvalidConfigurationException if the key is short or the name is taken
     */
    public Builder add(Party party, byte[] key) {
      if (party == null || key == null) {
        throw new InvalidConfigurationException("party and key must not be null");
      }
      if (key.length < MIN_KEY_BYTES) {
        throw new InvalidConfigurationException(
            "the key of party "
                + party.name()
                + " must have at least "
                + MIN_KEY_BYTES
                + " bytes, has "
                + key.length);
      }
      if (byName.containsKey(party.name())) {
        throw new InvalidConfigurationException("party " + party.name() + " is registered twice");
      }
      byName.put(party.name(), new Entry(party, new SecretKeySpec(key.clone(), "HmacSHA256")));
      return this;
    }

    /** The registry. */
    public Parties build() {
      return new Parties(byName);
    }
  }
}
