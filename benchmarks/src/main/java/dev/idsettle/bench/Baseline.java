package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The irreducible work of one authorize-and-debit, without any of the library: the HMAC-SHA256 of
 * the ID's digits, one {@link ConcurrentHashMap#compute} that decrements the balance if it covers
 * the amount, and one append to a journal ({@link #debit}); or, with the retention the library must
 * do, the same debit under an index of every transfer id kept for the whole run, where a retried id
 * replays its first outcome ({@link #debitOnce}).
 */
final class Baseline {
  private final byte[] key;
  private final ConcurrentHashMap<HashKey, Long> balances = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<TransferKey, Entry> transfers = new ConcurrentHashMap<>();

  Baseline(byte[] key, IdNumber[] ids, long balance) {
    this.key = key.clone();
    Mac mac = newMac();
    for (IdNumber id : ids) {
      balances.put(new HashKey(mac.doFinal(bytes(id.digits()))), balance);
    }
  }

  /** A MAC under the key; one per thread, as {@code Mac} is not thread-safe. */
  Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /**
   * Debits {@code amount} from the ID with {@code digits} and journals it.
   *
   * @return the balance after, or -1 if the ID is unknown or the balance did not cover the amount
   */
  long debit(Mac mac, String digits, long amount, String reference, List<Entry> journal) {
    HashKey hash = new HashKey(mac.doFinal(bytes(digits)));
    long after = debitBalance(hash, amount);
    if (after >= 0) {
      journal.add(new Entry(hash, amount, reference, after));
    }
    return after;
  }

  /**
   * Debits {@code amount} from the ID with {@code digits} once per transfer id ({@code terminal},
   * {@code reference}): the first call debits and keeps the transfer in the index for the rest of
   * the run, a retry returns the first call's outcome without debiting again. The index is the
   * journal: every transfer, refused or not, stays in it.
   *
   * @return the balance after the first call, or -1 if it was refused
   */
  long debitOnce(Mac mac, String digits, long amount, String terminal, String reference) {
    return transfers
        .computeIfAbsent(
            new TransferKey(terminal, reference),
            k -> {
              HashKey hash = new HashKey(mac.doFinal(bytes(digits)));
              return new Entry(hash, amount, reference, debitBalance(hash, amount));
            })
        .after();
  }

  /** The transfers in the index. */
  int transfers() {
    return transfers.size();
  }

  private long debitBalance(HashKey hash, long amount) {
    long[] after = {-1};
    balances.compute(
        hash,
        (k, balance) -> {
          if (balance == null || balance < amount) {
            return balance;
          }
          after[0] = balance - amount;
          return after[0];
        });
    return after[0];
  }

  private static byte[] bytes(String digits) {
    return digits.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A journal line: which ID, how much, under which reference, and the balance after (-1: refused).
   */
  record Entry(HashKey id, long amount, String reference, long after) {}

  /** A transfer id: the terminal and its reference, as the library derives its own from them. */
  record TransferKey(String terminal, String reference) {}

  /** An HMAC as a map key. */
  static final class HashKey {
    private final byte[] bytes;
    private final int hash;

    HashKey(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof HashKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
