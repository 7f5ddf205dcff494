package dev.idsettle.metering.calls;

import static dev.idsettle.metering.calls.CallControlTest.ended;
import static dev.idsettle.metering.calls.CallControlTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.metering.CallRecord;
import dev.idsettle.metering.FailureHandling;
import dev.idsettle.metering.MeteredService;
import dev.idsettle.metering.MeteringEngine;
import dev.idsettle.metering.Outcome;
import dev.idsettle.metering.SessionAnswer.Ended;
import dev.idsettle.metering.SessionAnswer.Granted;
import dev.idsettle.metering.SessionIds;
import dev.idsettle.store.memory.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Silence, crashes, ledger outages and a rate change at midnight: the grant's hold (twice the 90 s
 * validity) decides, and only confirmed usage is ever charged, once.
 */
class CallFailuresTest {

  @Test
  void aSilentCallEndsWhenItsHoldTimesOut() {
    try (CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.terminate())) {
      IdNumber id = f.newId(1000);
      granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
      granted(f.calls.report("c1", 1, 60));
      f.clock.advance(Duration.ofSeconds(179));
      assertThat(f.engine.supervise()).isZero();
      f.clock.advance(Duration.ofSeconds(1));
      assertThat(f.engine.supervise()).isEqualTo(1);
      assertThat(f.record("c1").outcome()).isEqualTo(Outcome.TIMED_OUT);
      assertThat(f.record("c1").collected()).isEqualTo(26);
      assertThat(f.account(id).posted()).isEqualTo(1000 - 26);
      assertThat(f.account(id).reserved()).isZero();
      assertThat(f.line.events).containsExactly("connect c1", "disconnect c1 TIMED_OUT");
      // the client's late report learns the call is over and changes nothing
      ended(f.calls.report("c1", 2, 200), Outcome.TIMED_OUT);
      assertThat(f.account(id).posted()).isEqualTo(1000 - 26);
    }
  }

  @Test
  void aReportAfterTheHoldTimedOutChargesOnlyWhatWasConfirmed() {
    try (CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.terminate())) {
      IdNumber id = f.newId(1000);
      granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
      granted(f.calls.report("c1", 1, 60));
      f.clock.advance(Duration.ofSeconds(200));
      ended(f.calls.report("c1", 2, 120), Outcome.TIMED_OUT);
      assertThat(f.account(id).posted()).isEqualTo(1000 - 26);
      assertThat(f.account(id).reserved()).isZero();
    }
  }

  @Test
  void aCrashMidCallReleasesTheHoldAndChargesTheConfirmedUsage() {
    try (CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.terminate())) {
      IdNumber id = f.newId(1000);
      granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
      granted(f.calls.report("c1", 1, 60));
      assertThat(f.account(id).reserved()).isEqualTo(21);
      // the host dies: its engine and every session in it are gone; a new one starts
      MeteringEngine restarted =
          MeteringEngine.create(
              f.settle,
              new MeteredService(
                  "phone", 60, Duration.ofSeconds(90), 30, FailureHandling.terminate()));
      f.clock.advance(Duration.ofMinutes(3));
      restarted.supervise();
      assertThat(f.account(id).reserved()).isZero();
      assertThat(f.account(id).posted()).isEqualTo(1000 - 26);
      // the charge that was collected can be found from the session id
      assertThat(
              f.settle
                  .ledger()
                  .transfer(SessionIds.capture("phone", "c1", 1))
                  .orElseThrow()
                  .amount())
          .isEqualTo(26);
      assertThat(restarted.update("c1", 2, 120)).isInstanceOf(Ended.class);
    }
  }

  @Test
  void aRateChangeAtMidnightAppliesFromTheFirstIncrementAfterIt() {
    try (CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.terminate())) {
      f.clock.set(Instant.parse("2026-03-10T22:59:00Z")); // 23:59 in Paris
      IdNumber id = f.newId(1000);
      granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
      f.clock.advance(Duration.ofSeconds(60));
      Granted night = granted(f.calls.report("c1", 1, 60));
      // the next slice is priced by night: 10 x 0.6 = 6 reserved
      assertThat(f.account(id).reserved()).isEqualTo(6);
      assertThat(night.charged()).isEqualTo(26);
      f.clock.advance(Duration.ofSeconds(30));
      ended(f.calls.hangUp("c1", 2, 90), Outcome.COMPLETED);
      CallRecord r = f.record("c1");
      assertThat(r.collected()).isEqualTo(29);
      assertThat(r.charge().items()).extracting(i -> i.rate()).endsWith("France night");
      assertThat(f.account(id).posted()).isEqualTo(1000 - 29);
    }
  }

  @Test
  void terminateOnOutageCutsTheCallAndSettlesWhenTheLedgerIsBack() {
    try (CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.terminate())) {
      IdNumber id = f.newId(1000);
      granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
      f.store.down(true);
      Ended cut = ended(f.calls.report("c1", 1, 60), Outcome.LEDGER_UNAVAILABLE);
      assertThat(cut.settled()).isFalse();
      assertThat(cut.charged()).isEqualTo(26);
      assertThat(f.line.events).containsExactly("connect c1", "disconnect c1 LEDGER_UNAVAILABLE");
      f.engine.supervise(); // still down: nothing changes
      f.store.down(false);
      // neither the capture nor its record is in the ledger yet
      assertThat(f.records.find("c1")).isEmpty();
      f.engine.supervise();
      assertThat(f.record("c1").outcome()).isEqualTo(Outcome.LEDGER_UNAVAILABLE);
      assertThat(f.record("c1").collected()).isEqualTo(26);
      assertThat(f.account(id).posted()).isEqualTo(1000 - 26);
      assertThat(f.account(id).reserved()).isZero();
      // told once, not again when the record was written
      assertThat(f.line.events).hasSize(2);
    }
  }

  @Test
  void aLostAnswerIsSubmittedAgainAndChargedOnce() {
    try (CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.terminate())) {
      IdNumber id = f.newId(1000);
      granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
      f.store.loseNextAnswers(1);
      assertThat(ended(f.calls.report("c1", 1, 60), Outcome.LEDGER_UNAVAILABLE).settled())
          .isFalse();
      // the capture and the next hold were committed; the engine does not know it
      assertThat(f.account(id).posted()).isEqualTo(1000 - 26);
      f.engine.supervise();
      assertThat(f.account(id).posted()).isEqualTo(1000 - 26);
      assertThat(f.account(id).reserved()).isZero();
      assertThat(f.record("c1").collected()).isEqualTo(26);
    }
  }

  @Test
  void retryThenTerminateRidesOutAShortOutage() {
    try (CallFixture f =
        new CallFixture(MemoryStore.create(), FailureHandling.retryThenTerminate(2))) {
      IdNumber id = f.newId(1000);
      granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
      f.store.failNext(2);
      granted(f.calls.report("c1", 1, 60));
      f.store.failNext(3);
      ended(f.calls.report("c1", 2, 120), Outcome.LEDGER_UNAVAILABLE);
      f.engine.supervise();
      assertThat(f.account(id).posted()).isEqualTo(1000 - 47);
      assertThat(f.account(id).reserved()).isZero();
    }
  }

  @Test
  void continueLetsTheCallGoOnForABoundedAmount() {
    try (CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.continueUpTo(30))) {
      IdNumber id = f.newId(1000);
      granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
      f.store.down(true);
      // beyond the 60 s reserved: at most 30 cents more (charge(144) = 56 = 26 + 30)
      assertThat(granted(f.calls.report("c1", 1, 60)).grantEnd()).isEqualTo(120);
      assertThat(granted(f.calls.report("c1", 2, 120)).grantEnd()).isEqualTo(144);
      ended(f.calls.report("c1", 3, 144), Outcome.LEDGER_UNAVAILABLE);
      f.store.down(false);
      f.engine.supervise();
      CallRecord r = f.record("c1");
      assertThat(r.charge().amount()).isEqualTo(56);
      assertThat(r.collected()).isEqualTo(56);
      assertThat(f.account(id).posted()).isEqualTo(1000 - 56);
      assertThat(f.account(id).reserved()).isZero();
    }
  }

  @Test
  void continueThenBackMidCall() {
    try (CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.continueUpTo(30))) {
      IdNumber id = f.newId(1000);
      granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
      f.store.down(true);
      granted(f.calls.report("c1", 1, 60));
      f.store.down(false);
      granted(f.calls.report("c1", 2, 120));
      ended(f.calls.hangUp("c1", 3, 150), Outcome.COMPLETED);
      assertThat(f.record("c1").collected()).isEqualTo(58);
      assertThat(f.account(id).posted()).isEqualTo(1000 - 58);
      assertThat(f.account(id).reserved()).isZero();
    }
  }
}
