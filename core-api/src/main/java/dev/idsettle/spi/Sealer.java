package dev.idsettle.spi;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.internal.IdHasher;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.Description;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import javax.crypto.Mac;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.jspecify.annotations.Nullable;

/**
 * The keyed seals (HMAC-SHA256) that make a change behind the library's back evident: a store that
 * seals ({@link LedgerStore#sealedJournal()}) writes, with each transfer, its seal chained to the
 * previous seal of each of its two accounts, and with each account it changes, its new chain head
 * and a seal over its balance fields and that head. {@link dev.idsettle.audit.LedgerAudit} checks
 * them with the same key. The sealing key is the integrator's, kept apart from the issuer key that
 * hashes ID numbers, and never stored with the ledger.
 *
 * <p>A transfer's seal covers every field that never changes once written (not a hold's state,
 * which the audit checks against the transfers that resolved it) and its {@link Description}.
 * Thread-safe (one keyed {@link Mac} per thread).
 */
public final class Sealer {
  /** The length of a seal and of a chain head, in bytes. */
  public static final int SEAL_BYTES = 32;

  /** The shortest sealing key accepted, in bytes. */
  public static final int MIN_KEY_BYTES = 32;

  private static final byte[] GENESIS = new byte[SEAL_BYTES];

  private final ThreadLocal<Mac> mac;

  private Sealer(byte[] key) {
    this.mac =
        ThreadLocal.withInitial(
            () -> HmacUtils.getInitializedMac(HmacAlgorithms.HMAC_SHA_256, key));
  }

  /**
   * A sealer under {@code key} (copied): at least {@value #MIN_KEY_BYTES} random bytes, not the
   * issuer key.
   *
   * @throws InvalidConfigurationException if the key is too short or a repeated pattern
   */
  public static Sealer withKey(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new InvalidConfigurationException(
          "sealingKey must have at least "
              + MIN_KEY_BYTES
              + " bytes, has "
              + (key == null ? "none" : key.length));
    }
    if (IdHasher.shortestPeriod(key) <= IdHasher.MAX_WEAK_PERIOD) {
      throw new InvalidConfigurationException(
          "sealingKey repeats a pattern of a few bytes: use random bytes");
    }
    return new Sealer(key.clone());
  }

  /** The chain head of an account before its first sealed transfer: {@value #SEAL_BYTES} zeros. */
  public static byte[] genesis() {
    return GENESIS.clone();
  }

  /** {@code head}, or {@link #genesis()} for an account whose chain has not begun (null). */
  public static byte[] headOrGenesis(byte @Nullable [] head) {
    return head == null ? GENESIS : head;
  }

  /**
   * The seal of {@code t}, chained to the current heads of its debit and credit accounts (the same
   * array twice when they are one account).
   */
  public byte[] seal(Transfer t, byte[] debitHead, byte[] creditHead) {
    Encoder e = new Encoder("idsettle.transfer.v1");
    e.id(t.id());
    e.writeLong(t.debit().value());
    e.writeLong(t.credit().value());
    e.writeLong(t.amount());
    e.text(t.kind().name());
    e.optionalId(t.pendingId());
    e.instant(t.timeout());
    Refusal refusal = t.refusal();
    e.text(refusal == null ? "" : refusal.code());
    e.text(t.code());
    e.instant(t.timestamp());
    Description d = t.description();
    e.writeBoolean(d != null);
    if (d != null) {
      e.text(d.kind());
      e.text(d.body());
    }
    e.bytes(debitHead);
    e.bytes(creditHead);
    return e.mac(mac.get());
  }

  /** The seal of account image {@code a} whose chain head is {@code head}. */
  public byte[] seal(Account a, byte[] head) {
    Encoder e = new Encoder("idsettle.account.v1");
    e.writeLong(a.id().value());
    e.text(a.kind().name());
    e.text(a.currency().getCurrencyCode());
    e.text(a.state().name());
    e.writeLong(a.posted());
    e.writeLong(a.reserved());
    e.text(a.expiry().encode());
    e.instant(a.expiresAt());
    IdHash hash = a.idHash();
    e.bytes(hash == null ? new byte[0] : hash.toBytes());
    e.bytes(head);
    return e.mac(mac.get());
  }

  /** Shows nothing of the key. */
  @Override
  public String toString() {
    return "Sealer[HMAC-SHA256, key hidden]";
  }

  /** A length-prefixed, unambiguous encoding of the sealed fields, into one growing array. */
  private static final class Encoder {
    private byte[] buf = new byte[256];
    private int n;

    Encoder(String domain) {
      text(domain);
    }

    void id(TransferId id) {
      writeLong(id.high());
      writeLong(id.low());
    }

    void optionalId(@Nullable TransferId id) {
      writeBoolean(id != null);
      if (id != null) {
        id(id);
      }
    }

    void instant(@Nullable Instant instant) {
      writeBoolean(instant != null);
      if (instant != null) {
        writeLong(instant.getEpochSecond());
        writeInt(instant.getNano());
      }
    }

    void text(String s) {
      bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(byte[] b) {
      writeInt(b.length);
      room(b.length);
      System.arraycopy(b, 0, buf, n, b.length);
      n += b.length;
    }

    void writeBoolean(boolean v) {
      room(1);
      buf[n++] = (byte) (v ? 1 : 0);
    }

    void writeInt(int v) {
      room(4);
      for (int shift = 24; shift >= 0; shift -= 8) {
        buf[n++] = (byte) (v >>> shift);
      }
    }

    void writeLong(long v) {
      room(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buf[n++] = (byte) (v >>> shift);
      }
    }

    private void room(int more) {
      if (n + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(2 * buf.length, n + more));
      }
    }

    byte[] mac(Mac mac) {
      mac.update(buf, 0, n);
      return mac.doFinal();
    }
  }
}
