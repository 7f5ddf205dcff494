package dev.idsettle.sheets;

import dev.idsettle.id.DammCheckDigit;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.Slip;
import dev.idsettle.roles.SlipSerial;
import dev.idsettle.roles.Slips;
import dev.idsettle.store.memory.MemoryStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Slips for the tests: issued for real on a memory store, or made on the fly in any number. */
final class TestSlips {
  static final ExpiryPolicy EXPIRY = ExpiryPolicy.at(Instant.parse("2027-12-31T12:00:00Z"));

  private TestSlips() {}

  static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }

  /** A batch issued by {@link Slips#issue} on a memory store, with a service if non-null. */
  static IssuedSlips issued(int sheets, int sheetSize, long face, @Nullable String service) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    IdSettle settle = IdSettle.builder(MemoryStore.create()).issuerKey(key).build();
    SettlementManager manager = SettlementManager.over(settle);
    if (service != null) {
      manager.register(new Service(service, eur(100)));
    }
    String prefix =
        "P"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 8)
                .toUpperCase(Locale.ROOT);
    return Slips.over(manager).issue(prefix, sheets, sheetSize, eur(face), service, EXPIRY);
  }

  /** The ID of slip {@code sequence}: 15 digits spread from the sequence and a check digit. */
  static IdNumber id(int sequence) {
    long n = Math.floorMod(sequence * 982_451_653L + 179_424_673L, 1_000_000_000_000_000L);
    String body = String.format(Locale.ROOT, "%015d", n);
    return IdNumber.parse(body + DammCheckDigit.compute(body));
  }

  /**
   * {@code count} slips of batch {@code prefix} made one at a time as they are read, the same each
   * time the iterable is read: nothing is held.
   */
  static Iterable<Slip> generated(String prefix, int count, Money face, @Nullable String service) {
    return () ->
        new Iterator<>() {
          private int next = 1;

          @Override
          public boolean hasNext() {
            return next <= count;
          }

          @Override
          public Slip next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            int seq = next++;
            return new Slip(id(seq), new SlipSerial(prefix, seq), face, service);
          }
        };
  }
}
