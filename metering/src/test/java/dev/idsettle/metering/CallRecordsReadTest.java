package dev.idsettle.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Description;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.store.memory.MemoryStore;
import dev.idsettle.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Call records read without an engine: by service from the ledger, and from one transfer. */
class CallRecordsReadTest {
  static final Currency EUR = Currency.getInstance("EUR");

  @Test
  void aReaderWithoutAnEngineFindsWhatTheEngineWrote() {
    byte[] key = new byte[32];
    new SplittableRandom(5).nextBytes(key);
    try (IdSettle settle =
        IdSettle.builder(MemoryStore.create())
            .issuerKey(key)
            .currency(EUR)
            .clock(MutableClock.at(Instant.parse("2026-03-10T08:00:00Z")))
            .build()) {
      IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
      settle.terminal("kiosk").activate(id, Money.of(500, EUR), "sale-1");
      MeteringEngine engine =
          MeteringEngine.create(
              settle,
              new MeteredService(
                  "parking", 60, Duration.ofHours(2), 15, FailureHandling.terminate()));
      Rating rating =
          Rating.of(
              new Rate(
                  "parking", Exact.ZERO, Exact.ZERO, List.of(new Interval(0, 60, Exact.of(100)))),
              Rounding.UP,
              EUR);
      engine.open(new OpenRequest("bay-7", id, rating, "meter 12", "zone B"));
      engine.terminate("bay-7", 1, 30);

      CallRecord record = CallRecords.of(settle.ledger(), "parking").find("bay-7").orElseThrow();
      assertThat(record).isEqualTo(engine.records().find("bay-7").orElseThrow());
      Transfer last = settle.ledger().transfer(SessionIds.record("parking", "bay-7")).orElseThrow();
      assertThat(CallRecords.carriedBy(last)).contains(record);
      Transfer activation = settle.journal(id, 0, 1).get(0);
      assertThat(CallRecords.carriedBy(activation)).isEmpty();

      Transfer broken =
          new Transfer(
              last.id(),
              last.debit(),
              last.credit(),
              last.amount(),
              last.kind(),
              last.pendingId(),
              last.timeout(),
              last.holdState(),
              last.refusal(),
              last.code(),
              last.timestamp(),
              Description.of(CallRecordJson.KIND, "{\"session\":"));
      assertThatThrownBy(() -> CallRecords.carriedBy(broken))
          .isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  @SuppressWarnings("NullAway") // null on purpose: the refusal is what is tested
  void badArgumentsAreRefusedNamingThem() {
    assertThatThrownBy(() -> CallRecords.carriedBy(null)).hasMessageContaining("transfer");
    assertThatThrownBy(() -> CallRecords.of(null, "parking")).hasMessageContaining("ledger");
  }
}
