package dev.idsettle.metering.calls;

import static dev.idsettle.metering.calls.CallControlTest.ended;
import static dev.idsettle.metering.calls.CallControlTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.metering.FailureHandling;
import dev.idsettle.metering.MeteredService;
import dev.idsettle.metering.MeteringEngine;
import dev.idsettle.metering.Outcome;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.Service;
import dev.idsettle.store.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Opening a session is under the guessing defence of the authenticators: unknown and unsold IDs
 * answered alike and counted, the engine's budget shared with the authenticator of its service and
 * source, a spent budget refusing everything through that engine (and recording nothing) until its
 * window ends, and no other source locked out.
 */
class OpenGuessingTest {
  @Test
  void guessesAreCountedInTheAuthenticatorsBudgetsAndThrottled() {
    try (CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.terminate())) {
      IdNumber sold = f.newId(1000);
      IdNumberGenerator guesser = IdNumberGenerator.secure(IdNumberFormat.DEFAULT);
      // the default budget of a source: 10 misses in 15 minutes, unsold and unknown alike
      for (int i = 0; i < 10; i++) {
        IdNumber guess =
            i % 2 == 0
                ? f.settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0)
                : guesser.next();
        ended(f.calls.dial("g" + i, "0800", guess, CallFixture.FRANCE), Outcome.REFUSED_UNKNOWN_ID);
      }
      ended(
          f.calls.dial("g10", "0800", guesser.next(), CallFixture.FRANCE),
          Outcome.REFUSED_THROTTLED);
      // spent: this engine is refused everything, and a throttled open is not recorded
      ended(f.calls.dial("s1", "0800", sold, CallFixture.FRANCE), Outcome.REFUSED_THROTTLED);
      assertThat(f.records.find("g10")).isEmpty();
      assertThat(f.records.find("g9").orElseThrow().outcome())
          .isEqualTo(Outcome.REFUSED_UNKNOWN_ID);
      // the authenticator of the same service and source is the same source of guesses
      assertThat(
              f.settle
                  .authenticator(new Service("phone", Money.zero(CallFixture.EUR)), "metering")
                  .authorize(
                      new AuthorizationRequest(sold, Money.of(1, CallFixture.EUR), "t", "r1")))
          .isInstanceOfSatisfying(
              Denial.class, d -> assertThat(d.reason()).isEqualTo(DenialReason.THROTTLED));
      // another access server is its own source
      MeteringEngine other =
          MeteringEngine.create(
              f.settle,
              new MeteredService(
                  "phone", 60, Duration.ofSeconds(90), 30, FailureHandling.terminate()),
              "switch-2");
      CallControl calls = new CallControl(other, CallFixture.tariff(), f.line, f.clock);
      granted(calls.dial("s2", "0800", sold, CallFixture.FRANCE));
      // the window ends: served again
      f.clock.advance(Duration.ofMinutes(15));
      granted(f.calls.dial("s3", "0800", sold, CallFixture.FRANCE));
    }
  }
}
