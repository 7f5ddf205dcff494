package dev.idsettle.metering.calls;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.metering.CallRecord;
import dev.idsettle.metering.MeteringEngine;
import dev.idsettle.metering.MeteringListener;
import dev.idsettle.metering.OpenRequest;
import dev.idsettle.metering.Outcome;
import dev.idsettle.metering.SessionAnswer;
import dev.idsettle.metering.tariff.Quote;
import dev.idsettle.metering.tariff.Tariff;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepaid calls (seed 001, claim 10): a {@link MeteringEngine} whose units are seconds, rated by a
 * {@link Tariff}, driving a {@link LineControl}. The user dials an access number, gives the ID
 * number and the destination; the call is rated, connected for what the balance pays for, warned
 * when the time left reaches the service's threshold, cut at zero, and charged at hang-up.
 *
 * <pre>{@code
 * CallControl calls = new CallControl(engine, Tariff.load(path), line, clock);
 * calls.dial("call-1", "0800 123", id, "33145678901");     // connected, first grant reserved
 * calls.report("call-1", 1, 55);                           // 55 s used: next grant
 * calls.hangUp("call-1", 2, 71);                           // 71 s: charged, the rest released
 * }</pre>
 */
public final class CallControl {
  private final MeteringEngine engine;
  private final Tariff tariff;
  private final LineControl line;
  private final Clock clock;
  // calls cut on an answer whose settlement is still pending: cut once, not again when it ends
  private final Set<String> cut = ConcurrentHashMap.newKeySet();

  /**
   * Calls over {@code engine} (its service's units are seconds) priced by {@code tariff}, whose
   * currency must be the ledger's.
   */
  public CallControl(MeteringEngine engine, Tariff tariff, LineControl line, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.tariff = Objects.requireNonNull(tariff, "tariff");
    this.line = Objects.requireNonNull(line, "line");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!tariff.currency().equals(engine.currency())) {
      throw new InvalidRequestException(
          "tariff is in " + tariff.currency() + ", the ledger in " + engine.currency());
    }
    engine.addListener(
        new MeteringListener() {
          @Override
          public void onWarning(String sessionId, long unitsLeft) {
            line.warn(sessionId, unitsLeft);
          }

          @Override
          public void onEnded(SessionAnswer.Ended ended) {
            // the record is written: the call is over for good
            if (!cut.remove(ended.sessionId()) && ended.outcome() != Outcome.COMPLETED) {
              line.disconnect(ended.sessionId(), ended.outcome());
            }
          }
        });
  }

  /**
   * A call to {@code destination} on {@code accessNumber}, paid by {@code id}: rated, then opened;
   * connected through the line control if granted, refused (and recorded) if not.
   */
  public SessionAnswer dial(String callId, String accessNumber, IdNumber id, String destination) {
    Instant now = clock.instant();
    Quote quote = tariff.rate(destination, now);
    if (quote instanceof Quote.NotPriced np) {
      return notRated(callId, accessNumber, id, destination, np);
    }
    Quote.Rated rated = (Quote.Rated) quote;
    SessionAnswer answer =
        engine.open(
            new OpenRequest(
                callId, id, rated.rating(), accessNumber, maskDestination(destination)));
    if (answer instanceof SessionAnswer.Granted) {
      line.connect(callId, destination);
    }
    return answer;
  }

  /** The switch reports {@code seconds} talked in all (request {@code seq}, from 1). */
  public SessionAnswer report(String callId, long seq, long seconds) {
    return cutIfPending(engine.update(callId, seq, seconds));
  }

  /** The user hung up after {@code seconds} in all. */
  public SessionAnswer hangUp(String callId, long seq, long seconds) {
    return cutIfPending(engine.terminate(callId, seq, seconds));
  }

  private SessionAnswer cutIfPending(SessionAnswer answer) {
    if (answer instanceof SessionAnswer.Ended e
        && !e.settled()
        && e.outcome() != Outcome.COMPLETED
        && cut.add(e.sessionId())) {
      line.disconnect(e.sessionId(), e.outcome());
    }
    return answer;
  }

  /** Why call {@code callId} cost what it cost, from its record. */
  public String explain(String callId) {
    return engine
        .records()
        .find(callId)
        .map(CallRecord::explain)
        .orElseThrow(() -> new InvalidRequestException("no record of call " + callId));
  }

  private SessionAnswer notRated(
      String callId, String accessNumber, IdNumber id, String destination, Quote.NotPriced np) {
    SessionAnswer.Ended ended =
        engine.recordRefusal(
            callId,
            id,
            accessNumber,
            maskDestination(destination),
            Outcome.REFUSED_NOT_RATED,
            np.message());
    return ended; // the engine's listener told the line
  }

  /** The destination with its last four digits hidden (enough to bill, not to redial). */
  static String maskDestination(String destination) {
    int n = destination.length();
    return n <= 4 ? "****" : destination.substring(0, n - 4) + "****";
  }
}
