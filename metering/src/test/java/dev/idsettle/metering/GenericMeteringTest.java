package dev.idsettle.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.store.memory.MemoryStore;
import dev.idsettle.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The engine knows nothing of calls: a parking session billed by the minute meters the same. */
class GenericMeteringTest {
  static final Currency EUR = Currency.getInstance("EUR");

  @Test
  void aParkingSession() {
    MutableClock clock = MutableClock.at(Instant.parse("2026-03-10T08:00:00Z"));
    byte[] key = new byte[32];
    new SplittableRandom(3).nextBytes(key); // a key that is no pattern, the same in every run
    try (IdSettle settle =
        IdSettle.builder(MemoryStore.create()).issuerKey(key).currency(EUR).clock(clock).build()) {
      IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
      settle.terminal("kiosk").activate(id, Money.of(500, EUR), "sale-1");
      // the first hour 1.00, then 0.25 per started quarter; units are minutes
      Rate parking =
          new Rate(
              "parking",
              Exact.ZERO,
              Exact.ZERO,
              List.of(new Interval(0, 60, Exact.of(100)), new Interval(60, 15, Exact.of(25))));
      MeteringEngine engine =
          MeteringEngine.create(
              settle,
              new MeteredService(
                  "parking", 60, Duration.ofHours(2), 15, FailureHandling.terminate()));
      List<String> warnings = new CopyOnWriteArrayList<>();
      engine.addListener(
          new MeteringListener() {
            @Override
            public void onWarning(String sessionId, long unitsLeft) {
              warnings.add(sessionId + " " + unitsLeft);
            }
          });
      Rating rating = Rating.of(parking, Rounding.UP, EUR);
      SessionAnswer open = engine.open(new OpenRequest("bay-7", id, rating, "meter 12", "zone B"));
      assertThat(((SessionAnswer.Granted) open).grantEnd()).isEqualTo(60);
      assertThat(settle.account(id).orElseThrow().reserved()).isEqualTo(100);
      assertThat(engine.update("bay-7", 1, 60)).isInstanceOf(SessionAnswer.Granted.class);
      SessionAnswer.Ended end = (SessionAnswer.Ended) engine.terminate("bay-7", 2, 95);
      assertThat(end.charged()).isEqualTo(100 + 3 * 25);
      assertThat(settle.account(id).orElseThrow().posted()).isEqualTo(500 - 175);
      assertThat(engine.records().find("bay-7").orElseThrow().charge().explain())
          .contains("units 60 to 105: 3 x 15 at 25 (parking) -> 75");
      // 325 left pays for 13 quarters: no warning yet; a second car drains it
      engine.open(new OpenRequest("bay-8", id, rating, "meter 12", "zone B"));
      engine.update("bay-8", 1, 60);
      engine.update("bay-8", 2, 120);
      engine.update("bay-8", 3, 180);
      assertThat(warnings).containsExactly("bay-8 15");
    }
  }
}
