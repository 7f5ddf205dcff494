package dev.idsettle.metering;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.LedgerCommand.TransferCommand;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.GateResult;
import dev.idsettle.roles.IdGate;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Usable;
import dev.idsettle.spi.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Meters sessions of one service against ID balances, RFC 4006 shaped: {@link #open} checks the ID
 * and reserves a first grant as a ledger hold (worst case: the connection fee, the first increment
 * and the rest of the slice); each {@link #update} captures what was used from the current hold,
 * releases the rest and reserves the next grant, in one ledger batch; {@link #terminate} captures
 * the last part. Several sessions of one ID share its balance through their holds, so together they
 * never spend more than it holds. Requests carry sequence numbers: a repeated one returns the first
 * answer and changes nothing. {@link #supervise}, run now and then, ends sessions whose client fell
 * silent once their hold timed out, and settles what a ledger outage left pending. Thread-safe; the
 * state of open sessions lives in this object only: after a crash their holds time out and release
 * what was not captured, which is the same rule.
 */
public final class MeteringEngine {
  private final IdSettle settle;
  private final Ledger ledger;
  private final Clock clock;
  final MeteredService service;
  private final CallRecords records;
  private final IdGate gate;
  private final List<MeteringListener> listeners = new CopyOnWriteArrayList<>();
  private final AccountId[] revenue;
  // the other side of a record-only hold: the store may spread revenue over one account only
  private final AccountId recordCounter;
  private final String code;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Grants grants;

  private MeteringEngine(IdSettle settle, MeteredService service, String source) {
    this.settle = settle;
    this.ledger = settle.ledger();
    this.clock = ledger.clock();
    this.service = service;
    this.gate = settle.gate(service.name(), source);
    this.records = new LedgerCallRecords(ledger, service.name());
    this.code = "meter:" + service.name();
    List<Account> accounts = new ArrayList<>();
    this.revenue =
        settle.operatorAccounts().revenueAccounts(service.name()).toArray(AccountId[]::new);
    for (AccountId shard : revenue) {
      accounts.add(Account.operator(shard, settle.currency()));
    }
    this.recordCounter = settle.operatorAccounts().cash(code);
    accounts.add(Account.operator(recordCounter, settle.currency()));
    ledger.createAccounts(accounts);
    this.grants = new Grants(this);
  }

  /**
   * An engine for {@code service} over {@code settle}'s ledger, one source of guesses of its own
   * (see {@link #create(IdSettle, MeteredService, String)}) named {@value #DEFAULT_SOURCE}.
   */
  public static MeteringEngine create(IdSettle settle, MeteredService service) {
    return create(settle, service, DEFAULT_SOURCE);
  }

  /**
   * An engine for {@code service} over {@code settle}'s ledger at {@code source} (an access
   * server): {@link #open} looks IDs up under the guessing budgets of the authenticator of that
   * service and source ({@link IdSettle#gate}): an ID never issued and one not sold are refused
   * alike ({@link Outcome#REFUSED_UNKNOWN_ID}), each such miss counts, and a spent budget refuses
   * with {@link Outcome#REFUSED_THROTTLED}. Give each access server its own source.
   *
   * @throws dev.idsettle.InvalidRequestException if {@code source} is not 1 to 60 characters
   *     without control characters
   */
  public static MeteringEngine create(IdSettle settle, MeteredService service, String source) {
    return new MeteringEngine(
        Objects.requireNonNull(settle, "settle"),
        Objects.requireNonNull(service, "service"),
        Objects.requireNonNull(source, "source"));
  }

  /** The balance an open plans its first hold with: a whole slice, whatever its price. */
  private static final long UNKNOWN_BALANCE = Long.MAX_VALUE / 4;

  /** The source an engine made without one is. */
  public static final String DEFAULT_SOURCE = "metering";

  /** The service it meters. */
  public MeteredService service() {
    return service;
  }

  /** The records of its service's sessions, read from the ledger's transfer descriptions. */
  public CallRecords records() {
    return records;
  }

  /** Adds a listener for warnings and ends. */
  public void addListener(MeteringListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** How many sessions it is metering (open, or ending with a settlement pending). */
  public int activeSessions() {
    int n = 0;
    for (Session s : sessions.values()) {
      synchronized (s) {
        n += s.state == Session.State.ENDED ? 0 : 1;
      }
    }
    return n;
  }

  /**
   * Opens a session (request number 0): checks the ID, reserves the first grant. Opening a session
   * id the engine still knows changes nothing and returns that session's latest answer.
   */
  public SessionAnswer open(OpenRequest request) {
    Instant now = clock.instant();
    GateResult found;
    try {
      found = retrying(() -> gate.find(request.id()));
    } catch (StoreException e) {
      return refuse(request, null, Outcome.REFUSED_LEDGER_UNAVAILABLE, "ledger unreachable", now);
    }
    if (found instanceof Denial d) {
      Outcome o =
          d.reason() == DenialReason.THROTTLED
              ? Outcome.REFUSED_THROTTLED
              : Outcome.REFUSED_UNKNOWN_ID;
      return refuse(request, null, o, d.message(), now);
    }
    AccountId account = ((Usable) found).account();
    // no read of the account: the first hold is planned as if the balance paid a whole slice, and
    // a refusal for funds tells the balance, from which the next try is planned (one store call
    // per open, in the group commit, when the balance pays)
    Session s = new Session(request, account, now);
    synchronized (s) {
      Session existing = sessions.putIfAbsent(request.sessionId(), s);
      if (existing != null) {
        synchronized (existing) {
          return Objects.requireNonNull(existing.lastAnswer);
        }
      }
      s.lastAvailable = UNKNOWN_BALANCE;
      s.lastSeq = 0;
      SessionAnswer answer = grants.first(s, now);
      if (answer instanceof SessionAnswer.Ended e && e.outcome().refused() && e.settled()) {
        sessions.remove(request.sessionId());
      }
      s.lastAnswer = answer;
      return answer;
    }
  }

  /**
   * Reports {@code usedUnits} used in all since the session opened (request number {@code seq}) and
   * asks for the next grant. Usage beyond the current grant counts as the grant's end.
   */
  public SessionAnswer update(String sessionId, long seq, long usedUnits) {
    return report(sessionId, seq, usedUnits, false);
  }

  /** Ends the session with {@code usedUnits} used in all: captures them, releases the rest. */
  public SessionAnswer terminate(String sessionId, long seq, long usedUnits) {
    return report(sessionId, seq, usedUnits, true);
  }

  private SessionAnswer report(String sessionId, long seq, long usedUnits, boolean last) {
    Session s = sessions.get(sessionId);
    if (s == null) {
      return new SessionAnswer.Ended(
          sessionId, Outcome.UNKNOWN_SESSION, 0, 0, true, "no open session " + sessionId);
    }
    synchronized (s) {
      if (seq <= s.lastSeq) {
        return Objects.requireNonNull(s.lastAnswer);
      }
      SessionAnswer answer =
          s.state == Session.State.ACTIVE
              ? grants.advance(
                  s, Math.max(0, usedUnits), last ? Outcome.COMPLETED : null, clock.instant())
              : endedAnswer(s);
      s.lastSeq = seq;
      s.lastAnswer = answer;
      return answer;
    }
  }

  private static SessionAnswer endedAnswer(Session s) {
    SessionAnswer.Ended e = s.ended;
    return e != null
        ? e
        : new SessionAnswer.Ended(
            s.id(), s.endOutcome, s.used, s.charged, false, "ending: settlement pending");
  }

  /**
   * Ends the sessions whose grant's hold has timed out (their client fell silent), submits again
   * what a ledger outage left pending, forgets sessions ended a hold timeout ago, and has the
   * ledger release expired holds.
   *
   * @return how many sessions it ended
   */
  // sessions is a ConcurrentHashMap: its views allow removal while iterating
  @SuppressWarnings("ModifyCollectionInEnhancedForLoop")
  public int supervise() {
    Instant now = clock.instant();
    int ended = 0;
    for (Session s : sessions.values()) {
      synchronized (s) {
        if (s.state == Session.State.ENDED) {
          writeRecord(s);
          if (s.pendingRecord == null && !now.isBefore(s.endedAt.plus(service.holdTimeout()))) {
            sessions.remove(s.id());
          }
          continue;
        }
        ended += grants.supervise(s, now) ? 1 : 0;
      }
    }
    try {
      ledger.expireHolds(1000);
    } catch (StoreException e) {
      // the next run, or the next debit of each account, expires them
    }
    return ended;
  }

  // ---- used by Grants ----

  List<CommandResult> submit(Collection<TransferCommand> commands) {
    LedgerBatch batch = LedgerBatch.create();
    for (LedgerCommand c : commands) {
      batch.add(c);
    }
    return retrying(() -> ledger.submit(batch));
  }

  private <T> T retrying(Supplier<T> call) {
    int extra =
        service.failure().mode() == FailureHandling.Mode.RETRY_THEN_TERMINATE
            ? service.failure().retries()
            : 0;
    for (int i = 0; ; i++) {
      try {
        return call.get();
      } catch (StoreException e) {
        if (i >= extra) {
          throw e;
        }
      }
    }
  }

  AccountId revenueFor(String sessionId) {
    return revenue[settle.operatorAccounts().revenueShard(sessionId)];
  }

  String code() {
    return code;
  }

  /** The currency of the ledger and of every rating's amounts. */
  public Currency currency() {
    return settle.currency();
  }

  void warn(Session s, long unitsLeft) {
    for (MeteringListener l : listeners) {
      l.onWarning(s.id(), unitsLeft);
    }
  }

  /**
   * Ends the session: its final record is the one its last settlement carried, or else a record of
   * its own, written now (or by {@link #supervise} when the ledger is away); tells the listeners.
   */
  SessionAnswer.Ended finish(Session s, Outcome outcome, String message, Instant now) {
    s.state = Session.State.ENDED;
    s.endOutcome = outcome;
    s.endedAt = now;
    s.pending = null;
    CallRecord stored = s.recorded;
    boolean carried = stored != null && stored.outcome() == outcome;
    CallRecord record =
        carried && stored != null
            ? stored
            : record(s, s.used, s.collected, s.captures, outcome, message);
    if (!carried) {
      String name = service.name();
      TransferId id =
          s.recordTaken ? SessionIds.lateRecord(name, s.id()) : SessionIds.record(name, s.id());
      s.pendingRecord = recordOnly(id, s.id(), record, s.marks.encode());
      writeRecord(s);
    }
    SessionAnswer.Ended e =
        new SessionAnswer.Ended(s.id(), outcome, s.used, record.charge().amount(), true, message);
    s.ended = e;
    for (MeteringListener l : listeners) {
      l.onEnded(e);
    }
    return e;
  }

  /** The session's record at {@code used} units, collected by {@code captures}. */
  CallRecord record(
      Session s,
      long used,
      long collected,
      List<TransferId> captures,
      Outcome outcome,
      String message) {
    return new CallRecord(
        s.id(),
        service.name(),
        s.request.id().masked(),
        s.account,
        s.request.accessNumber(),
        s.request.destination(),
        s.request.rating().rateName(),
        s.start,
        s.request.rating().itemize(used),
        collected,
        outcome,
        captures,
        message);
  }

  /**
   * A record that moves nothing: a hold of one minor unit between one of the service's revenue
   * accounts and the engine's own operator account and its void, linked, the void carrying the
   * record (the ledger has no transfer of nothing). Operator accounts may go below zero, so it
   * never fails for want of funds.
   */
  private LedgerBatch recordOnly(TransferId id, String sessionId, CallRecord record, String marks) {
    int shard = settle.operatorAccounts().revenueShard(sessionId);
    TransferId hold = SessionIds.recordHold(id);
    return LedgerBatch.create()
        .addLinked(
            LedgerCommand.hold(hold, revenue[shard], recordCounter, 1, service.holdTimeout(), code),
            LedgerCommand.voidHold(id, hold, code)
                .describedAs(CallRecordJson.describe(record, marks)));
  }

  /** Writes the session's pending record; keeps it pending while the ledger is away. */
  private void writeRecord(Session s) {
    LedgerBatch batch = s.pendingRecord;
    if (batch == null) {
      return;
    }
    try {
      retrying(() -> ledger.submit(batch));
      // applied, replayed or refused as ID_REUSED (the session id was used before): done
      s.pendingRecord = null;
    } catch (StoreException e) {
      // written by the next supervise
    }
  }

  /**
   * Records a refused open, without a session: a record that moves nothing (lost if the ledger is
   * away, which is then also why it was refused), none for a throttled one.
   */
  private SessionAnswer.Ended refuse(
      OpenRequest r, @Nullable AccountId account, Outcome outcome, String message, Instant now) {
    return refused(
        r.sessionId(),
        r.id(),
        account,
        r.accessNumber(),
        r.destination(),
        r.rating().rateName(),
        outcome,
        message,
        now);
  }

  /**
   * Records a session refused before it reached the engine (its destination has no rate, say): a
   * record that moves nothing, so that every refused session has its record too.
   *
   * @param outcome why, one of the {@link Outcome#refused()} outcomes
   * @throws dev.idsettle.InvalidRequestException if {@code outcome} is not a refusal
   */
  public SessionAnswer.Ended recordRefusal(
      String sessionId,
      IdNumber id,
      String accessNumber,
      String destination,
      Outcome outcome,
      String message) {
    if (!outcome.refused()) {
      throw new InvalidRequestException("outcome must be a refusal, was " + outcome);
    }
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(message, "message");
    OpenRequest.checkText(sessionId, accessNumber, destination);
    return refused(
        sessionId, id, null, accessNumber, destination, "", outcome, message, clock.instant());
  }

  private SessionAnswer.Ended refused(
      String sessionId,
      IdNumber id,
      @Nullable AccountId account,
      String accessNumber,
      String destination,
      String rate,
      Outcome outcome,
      String message,
      Instant now) {
    if (outcome != Outcome.REFUSED_THROTTLED && outcome != Outcome.REFUSED_LEDGER_UNAVAILABLE) {
      CallRecord record =
          CallRecord.refused(
              sessionId,
              service.name(),
              id.masked(),
              account,
              accessNumber,
              destination,
              rate,
              now,
              settle.currency(),
              outcome,
              message);
      try {
        retrying(
            () ->
                ledger.submit(
                    recordOnly(
                        SessionIds.record(service.name(), sessionId), sessionId, record, "")));
      } catch (StoreException e) {
        // the ledger went away since the look-up: the refusal stays unrecorded
      }
    }
    SessionAnswer.Ended e = new SessionAnswer.Ended(sessionId, outcome, 0, 0, true, message);
    for (MeteringListener l : listeners) {
      l.onEnded(e);
    }
    return e;
  }

  /**
   * Refuses an open whose ID the ledger found not activated (sold, then the sale reversed): looked
   * up again, uncached, it is a miss like any unsold ID, counted and answered alike.
   */
  SessionAnswer.Ended refuseUnsold(Session s, Instant now) {
    gate.forget(s.request.id());
    GateResult again;
    try {
      again = gate.find(s.request.id());
    } catch (StoreException e) {
      return refuseSession(s, Outcome.REFUSED_LEDGER_UNAVAILABLE, "ledger unreachable", now);
    }
    Outcome o =
        again instanceof Denial d && d.reason() == DenialReason.THROTTLED
            ? Outcome.REFUSED_THROTTLED
            : Outcome.REFUSED_UNKNOWN_ID;
    String message =
        again instanceof Denial d ? d.message() : "ID " + s.request.id() + " cannot be used";
    s.state = Session.State.ENDED;
    return refuse(s.request, null, o, message, now);
  }

  /** Records a refusal found while reserving the first grant. */
  SessionAnswer.Ended refuseSession(Session s, Outcome outcome, String message, Instant now) {
    s.state = Session.State.ENDED;
    return refuse(s.request, s.account, outcome, message, now);
  }
}
