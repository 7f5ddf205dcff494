package dev.idsettle.samples;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.metering.CallRecord;
import dev.idsettle.metering.Exact;
import dev.idsettle.metering.FailureHandling;
import dev.idsettle.metering.Interval;
import dev.idsettle.metering.MeteredService;
import dev.idsettle.metering.MeteringEngine;
import dev.idsettle.metering.OpenRequest;
import dev.idsettle.metering.Rate;
import dev.idsettle.metering.Rating;
import dev.idsettle.metering.Rounding;
import dev.idsettle.metering.SessionAnswer;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import java.time.Duration;
import java.util.List;

/**
 * Chapter 7: a prepaid call is metered in slices of 60 s (21 cents a minute billed 30/6, 5 cents to
 * connect): each report captures what was used and holds the next slice, until the balance runs out
 * and the call is cut.
 */
final class CallChapter {
  static final Money VALUE = Story.eur(50);

  private CallChapter() {}

  static CallRecord tell(Story s) {
    s.chapter(7, "A prepaid call is metered and cut at zero");
    IdNumber id = s.settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    Story.expect(
        Activated.class,
        s.settle.terminal(StoreChapter.STORE).activate(id, VALUE, s.ref("call-sale-1")));
    s.say("%s is sold for %s and used for a call to France, rate 0.21/min billed 30/6:", id, VALUE);
    MeteringEngine calls =
        MeteringEngine.create(
            s.settle,
            new MeteredService(
                "prepaid-calls", 60, Duration.ofSeconds(90), 0, FailureHandling.terminate()));
    Rate rate =
        new Rate(
            "France 30/6",
            Exact.of(5),
            Exact.ZERO,
            List.of(
                Interval.perUnit(0, 30, Exact.of(21), 60),
                Interval.perUnit(30, 6, Exact.of(21), 60)));
    String call = s.ref("call-1");
    SessionAnswer answer =
        calls.open(
            new OpenRequest(
                call,
                id,
                Rating.of(rate, Rounding.UP, s.settle.currency()),
                "0800",
                "3314567****"));
    for (long seq = 1; answer instanceof SessionAnswer.Granted g; seq++) {
      s.say(
          "granted up to %d s (charged so far %s)",
          g.grantEnd(), Money.of(g.charged(), s.settle.currency()));
      // the caller talks on: each report is past the grant, which the engine counts as its end
      answer = calls.update(call, seq, g.grantEnd() + 30);
    }
    SessionAnswer.Ended end = Story.expect(SessionAnswer.Ended.class, answer);
    s.say(
        "%s after %d s; the ID holds %s",
        end.outcome(), end.units(), StoreChapter.balanceOf(s, id));
    CallRecord record = calls.records().find(call).orElseThrow();
    s.say("The call record's charge:");
    s.say("  %s", record.charge().explain().replace("\n", "\n     "));
    return record;
  }
}
