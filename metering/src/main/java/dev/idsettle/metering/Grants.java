package dev.idsettle.metering;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.LedgerCommand.TransferCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a session's money: what a grant reserves, what a report captures and releases, what
 * a refusal or an outage does. Called with the session's monitor held.
 */
final class Grants {
  /** How many holds one grant tries when concurrent sessions of the ID took the balance first. */
  private static final int HOLD_ATTEMPTS = 3;

  private final MeteringEngine engine;
  private final MeteredService service;

  Grants(MeteringEngine engine) {
    this.engine = engine;
    this.service = engine.service;
  }

  private record Plan(long end, long amount) {}

  SessionAnswer first(Session s, Instant now) {
    return reserve(s, s.lastAvailable, 0, now, true);
  }

  /**
   * Settles the current grant at {@code usedTotal} and, unless {@code endAs} is set, reserves the
   * next one, in one batch when the balance as last seen pays for it.
   */
  SessionAnswer advance(Session s, long usedTotal, @Nullable Outcome endAs, Instant now) {
    Session.Step pending = s.pending;
    if (pending != null) {
      List<CommandResult> results;
      try {
        results = engine.submit(pending.commands());
      } catch (StoreException e) {
        return outage(s, usedTotal, endAs, now);
      }
      s.pending = null;
      s.continueFrom = -1;
      Outcome end = apply(s, pending, results);
      if (end != null) {
        return engine.finish(s, end, "ended while the ledger was away", now);
      }
      TransferCommand pendingHold = pending.hold();
      if (pendingHold != null && results.get(results.size() - 1).applied()) {
        take(s, pendingHold, Math.max(s.grantEnd, pending.planEnd()));
      }
    }
    Rating rating = s.request.rating();
    long used = Math.max(s.used, Math.min(usedTotal, s.grantEnd));
    long due = rating.charge(used) - s.charged;
    long fromHold = Math.min(due, s.holdAmount);
    long excess = due - fromHold;
    Plan plan = endAs != null ? null : plan(s, used, s.lastAvailable + s.holdAmount - due);
    TransferCommand hold = plan == null || plan.amount == 0 ? null : holdCommand(s, 0, plan.amount);
    // the final record rides on the last settlement when nothing is posted beside it
    boolean last = endAs != null && excess == 0 && s.hold != null;
    List<TransferId> captures = new ArrayList<>(s.captures);
    CaptureMarks marks = new CaptureMarks(s.marks);
    TransferCommand settle = settleCommand(s, fromHold, last);
    CallRecord finalRecord = null;
    if (settle != null && (fromHold > 0 || last)) {
      if (fromHold > 0) {
        captures.add(settle.id());
        if (last) {
          marks.last();
        } else {
          marks.capture(s.grant);
        }
      }
      Outcome outcome = last && endAs != null ? endAs : Outcome.IN_PROGRESS;
      CallRecord r =
          engine.record(s, used, s.collected + fromHold, captures, outcome, endMessage(outcome));
      settle = settle.describedAs(CallRecordJson.describe(r, marks.encode()));
      finalRecord = last ? r : null;
    }
    TransferCommand post = null;
    if (excess > 0) {
      post =
          LedgerCommand.post(
              SessionIds.excess(service.name(), s.id(), s.grant),
              s.account,
              engine.revenueFor(s.id()),
              excess,
              engine.code());
      captures.add(post.id());
      marks.excess(s.grant);
      CallRecord r =
          engine.record(
              s, used, s.collected + fromHold + excess, captures, Outcome.IN_PROGRESS, "");
      post = post.describedAs(CallRecordJson.describe(r, marks.encode()));
    }
    Session.Step step =
        new Session.Step(
            settle,
            fromHold,
            post,
            hold,
            used,
            s.charged + due,
            plan == null ? 0 : plan.end,
            finalRecord);
    List<CommandResult> results = List.of();
    if (!step.commands().isEmpty()) {
      try {
        results = engine.submit(step.commands());
      } catch (StoreException e) {
        s.pending = step;
        return outage(s, usedTotal, endAs, now);
      }
    }
    Outcome end = apply(s, step, results);
    if (end != null) {
      return engine.finish(s, end, "the grant's hold had timed out", now);
    }
    if (endAs != null) {
      return engine.finish(s, endAs, endMessage(endAs), now);
    }
    if (plan == null) {
      return reserve(s, s.lastAvailable, 1, now, false);
    }
    if (hold == null) {
      return granted(s, null, plan.end, now);
    }
    CommandResult held = results.get(results.size() - 1);
    if (held.applied()) {
      return granted(s, hold, plan.end, now);
    }
    if (held.refusal() == Refusal.INSUFFICIENT_BALANCE) {
      return reserve(s, s.lastAvailable, 1, now, false);
    }
    return noGrant(s, held.refusal(), false, now);
  }

  /** Ends a silent session once its hold has timed out; settles an ending one. */
  boolean supervise(Session s, Instant now) {
    if (s.state == Session.State.ACTIVE) {
      if (now.isBefore(s.holdTimeout)) {
        return false;
      }
      TransferCommand release = settleCommand(s, 0, false);
      if (release != null) {
        try {
          engine.submit(List.of(release));
        } catch (StoreException e) {
          // the hold times out in the ledger by itself
        }
      }
      s.hold = null;
      s.holdAmount = 0;
      engine.finish(s, Outcome.TIMED_OUT, "no report before the grant's hold timed out", now);
      return true;
    }
    advance(s, s.finalUsed, s.endOutcome, now);
    if (s.state != Session.State.ENDED && !now.isBefore(s.holdTimeout.plus(service.validity()))) {
      engine.finish(s, s.endOutcome, "settlement abandoned: the ledger stayed away", now);
    }
    return s.state == Session.State.ENDED;
  }

  private @Nullable Plan plan(Session s, long used, long available) {
    Rating rating = s.request.rating();
    long end = rating.grantEnd(used, service.sliceUnits(), Math.max(0, available));
    return end == Rating.NO_BOUNDARY
        ? null
        : new Plan(end, rating.charge(end) - rating.charge(used));
  }

  /** Reserves the next grant from {@code s.used}, trying again when others took the balance. */
  private SessionAnswer reserve(
      Session s, long available, int attempt, Instant now, boolean opening) {
    for (int a = attempt; a < attempt + HOLD_ATTEMPTS; a++) {
      Plan plan = plan(s, s.used, available);
      if (plan == null) {
        return noGrant(s, Refusal.INSUFFICIENT_BALANCE, opening, now);
      }
      if (plan.amount == 0) {
        return granted(s, null, plan.end, now);
      }
      TransferCommand hold = holdCommand(s, a, plan.amount);
      CommandResult result;
      try {
        result = engine.submit(List.of(hold)).get(0);
      } catch (StoreException e) {
        s.pending = new Session.Step(null, 0, null, hold, s.used, s.charged, plan.end, null);
        return outage(s, s.used, opening ? Outcome.REFUSED_LEDGER_UNAVAILABLE : null, now);
      }
      s.lastAvailable = availableAfter(result, s.lastAvailable);
      if (result.applied()) {
        return granted(s, hold, plan.end, now);
      }
      if (result.refusal() != Refusal.INSUFFICIENT_BALANCE) {
        return noGrant(s, result.refusal(), opening, now);
      }
      available = s.lastAvailable;
    }
    return noGrant(s, Refusal.INSUFFICIENT_BALANCE, opening, now);
  }

  /** Applies a step's results; the outcome if they end the session. */
  private @Nullable Outcome apply(Session s, Session.Step step, List<CommandResult> results) {
    int i = 0;
    boolean timedOut = false;
    TransferCommand settle = step.settle();
    if (settle != null) {
      CommandResult r = results.get(i++);
      s.lastAvailable = availableAfter(r, s.lastAvailable);
      boolean last = step.record() != null;
      s.recordTaken |= last;
      if (r.applied() && settle.kind() == TransferKind.CAPTURE) {
        s.captures.add(settle.id());
        if (last) {
          s.marks.last();
        } else {
          s.marks.capture(s.grant);
        }
        s.collected += step.settleAmount();
      }
      if (r.applied() && last) {
        s.recorded = step.record();
      }
      timedOut = !r.applied();
    }
    TransferCommand excess = step.excess();
    if (excess != null) {
      CommandResult r = results.get(i++);
      s.lastAvailable = availableAfter(r, s.lastAvailable);
      if (r.applied()) {
        s.captures.add(excess.id());
        s.marks.excess(s.grant);
        s.collected += excess.amount();
      }
    }
    s.hold = null;
    s.holdAmount = 0;
    TransferCommand hold = step.hold();
    CommandResult held = hold == null ? null : results.get(i);
    if (held != null) {
      s.lastAvailable = availableAfter(held, s.lastAvailable);
    }
    if (timedOut) {
      // the hold timed out before this report: what it covered is not collected
      if (hold != null && held != null && held.applied()) {
        releaseQuietly(hold);
      }
      return Outcome.TIMED_OUT;
    }
    s.used = step.used();
    s.charged = step.charged();
    return null;
  }

  private void releaseQuietly(TransferCommand hold) {
    try {
      engine.submit(
          List.of(
              LedgerCommand.voidHold(
                  TransferId.derive("idsettle:metering:late", hold.id().toString()),
                  hold.id(),
                  engine.code())));
    } catch (StoreException e) {
      // it times out by itself
    }
  }

  /**
   * Captures {@code amount} of the current hold, or voids it; under the record's id when it is the
   * session's last transfer ({@code last}), which then carries the final record.
   */
  private @Nullable TransferCommand settleCommand(Session s, long amount, boolean last) {
    TransferId hold = s.hold;
    if (hold == null) {
      return null;
    }
    String name = service.name();
    return amount > 0
        ? LedgerCommand.capture(
            last ? SessionIds.record(name, s.id()) : SessionIds.capture(name, s.id(), s.grant),
            hold,
            amount,
            engine.code())
        : LedgerCommand.voidHold(
            last ? SessionIds.record(name, s.id()) : SessionIds.release(name, s.id(), s.grant),
            hold,
            engine.code());
  }

  /** What the record of a session ended by {@code endAs} says in words. */
  static String endMessage(Outcome endAs) {
    return endAs == Outcome.COMPLETED ? "ended by the client" : "";
  }

  private TransferCommand holdCommand(Session s, int attempt, long amount) {
    return LedgerCommand.hold(
        SessionIds.hold(service.name(), s.id(), s.grant + 1, attempt),
        s.account,
        engine.revenueFor(s.id()),
        amount,
        service.holdTimeout(),
        engine.code());
  }

  private static void take(Session s, @Nullable TransferCommand hold, long end) {
    s.grant++;
    s.hold = hold == null ? null : hold.id();
    s.holdAmount = hold == null ? 0 : hold.amount();
    s.grantEnd = end;
  }

  private SessionAnswer granted(Session s, @Nullable TransferCommand hold, long end, Instant now) {
    take(s, hold, end);
    s.validUntil = now.plus(service.validity());
    s.holdTimeout = now.plus(service.holdTimeout());
    Rating rating = s.request.rating();
    long after = Math.max(0, s.lastAvailable);
    boolean last = rating.grantEnd(end, 1, after) == Rating.NO_BOUNDARY;
    long beyond = rating.grantEnd(end, service.warnAtUnits() + service.sliceUnits(), after);
    long unitsLeft = end - s.used + (beyond == Rating.NO_BOUNDARY ? 0 : beyond - end);
    if (service.warnAtUnits() > 0 && unitsLeft <= service.warnAtUnits()) {
      if (!s.warned) {
        s.warned = true;
        engine.warn(s, unitsLeft);
      }
    } else {
      s.warned = false;
    }
    return new SessionAnswer.Granted(s.id(), s.used, end, s.validUntil, last, unitsLeft, s.charged);
  }

  private SessionAnswer noGrant(
      Session s, @Nullable Refusal refusal, boolean opening, Instant now) {
    boolean empty = refusal == Refusal.INSUFFICIENT_BALANCE || refusal == Refusal.EXHAUSTED;
    if (opening) {
      if (refusal == Refusal.NOT_ACTIVATED) {
        // sold, looked up, then the sale reversed: answered, and counted, as an unsold ID
        return engine.refuseUnsold(s, now);
      }
      Outcome o =
          refusal == Refusal.EXHAUSTED
              ? Outcome.REFUSED_EXHAUSTED
              : empty ? Outcome.REFUSED_INSUFFICIENT_BALANCE : Outcome.REFUSED_NOT_USABLE;
      String why =
          empty
              ? "the balance does not pay for the first increment"
              : "the ID is not usable: " + refusal;
      return engine.refuseSession(s, o, why, now);
    }
    return engine.finish(
        s,
        empty ? Outcome.CUT_AT_ZERO : Outcome.CUT_NOT_USABLE,
        empty ? "the balance is used up" : "the ID became unusable: " + refusal,
        now);
  }

  /**
   * The ledger could not be reached (the batch may or may not have committed: it stays pending, to
   * be submitted again unchanged). The service's failure handling decides what the client hears.
   */
  private SessionAnswer outage(Session s, long usedTotal, @Nullable Outcome endAs, Instant now) {
    s.finalUsed = Math.max(s.finalUsed, Math.max(s.used, Math.min(usedTotal, s.grantEnd)));
    FailureHandling f = service.failure();
    if (endAs == null && f.mode() == FailureHandling.Mode.CONTINUE) {
      if (s.continueFrom < 0) {
        s.continueFrom = s.grantEnd;
      }
      Rating rating = s.request.rating();
      long end =
          rating.grantEnd(
              s.continueFrom,
              s.grantEnd - s.continueFrom + service.sliceUnits(),
              f.continueBound());
      if (end != Rating.NO_BOUNDARY && end > s.grantEnd) {
        s.grantEnd = end;
        s.validUntil = now.plus(service.validity());
        return new SessionAnswer.Granted(
            s.id(), s.used, end, s.validUntil, false, end - s.finalUsed, s.charged);
      }
    }
    s.state = Session.State.ENDING;
    s.endOutcome = endAs != null ? endAs : Outcome.LEDGER_UNAVAILABLE;
    return new SessionAnswer.Ended(
        s.id(),
        s.endOutcome,
        s.finalUsed,
        s.request.rating().charge(s.finalUsed),
        false,
        "the ledger could not be reached: the settlement is submitted again until it is in");
  }

  private static long availableAfter(CommandResult r, long otherwise) {
    Account after = r.debitAfter();
    return after == null ? otherwise : after.available();
  }
}
