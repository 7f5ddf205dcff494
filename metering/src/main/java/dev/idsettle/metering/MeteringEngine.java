package dev.idsettle.metering;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.LedgerCommand.TransferCommand;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.spi.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
  private final List<MeteringListener> listeners = new CopyOnWriteArrayList<>();
  private final AccountId[] revenue;
  private final String code;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Grants grants;

  private MeteringEngine(IdSettle settle, MeteredService service, CallRecords records) {
    this.settle = settle;
    this.ledger = settle.ledger();
    this.clock = ledger.clock();
    this.service = service;
    this.records = records;
    this.code = "meter:" + service.name();
    List<Account> accounts = new ArrayList<>();
    this.revenue =
        settle.operatorAccounts().revenueAccounts(service.name()).toArray(AccountId[]::new);
    for (AccountId shard : revenue) {
      accounts.add(Account.operator(shard, settle.currency()));
    }
    ledger.createAccounts(accounts);
    this.grants = new Grants(this);
  }

  /** An engine for {@code service} over {@code settle}'s ledger, writing to {@code records}. */
  public static MeteringEngine create(
      IdSettle settle, MeteredService service, CallRecords records) {
    return new MeteringEngine(
        Objects.requireNonNull(settle, "settle"),
        Objects.requireNonNull(service, "service"),
        Objects.requireNonNull(records, "records"));
  }

  /** The service it meters. */
  public MeteredService service() {
    return service;
  }

  /** The records it writes. */
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
    Optional<Account> found;
    try {
      found = retrying(() -> settle.account(request.id()));
    } catch (StoreException e) {
      return refuse(request, null, Outcome.REFUSED_LEDGER_UNAVAILABLE, "ledger unreachable", now);
    }
    if (found.isEmpty()) {
      return refuse(request, null, Outcome.REFUSED_UNKNOWN_ID, "no such ID", now);
    }
    Account account = found.get();
    AccountState state = account.effectiveState(now);
    if (state != AccountState.ACTIVE) {
      Outcome o =
          state == AccountState.EXHAUSTED ? Outcome.REFUSED_EXHAUSTED : Outcome.REFUSED_NOT_USABLE;
      return refuse(request, account.id(), o, "the ID is " + state, now);
    }
    Session s = new Session(request, account.id(), now);
    synchronized (s) {
      Session existing = sessions.putIfAbsent(request.sessionId(), s);
      if (existing != null) {
        synchronized (existing) {
          return Objects.requireNonNull(existing.lastAnswer);
        }
      }
      s.lastAvailable = account.available();
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
          if (!now.isBefore(s.endedAt.plus(service.holdTimeout()))) {
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

  /** Writes the session's record and tells the listeners; the session is then over. */
  SessionAnswer.Ended finish(Session s, Outcome outcome, String message, Instant now) {
    s.state = Session.State.ENDED;
    s.endOutcome = outcome;
    s.endedAt = now;
    s.pending = null;
    Charge charge = s.request.rating().itemize(s.used);
    records.add(
        new CallRecord(
            s.id(),
            service.name(),
            s.request.id().masked(),
            s.account,
            s.request.accessNumber(),
            s.request.destination(),
            s.request.rating().rateName(),
            s.start,
            charge,
            s.collected,
            outcome,
            s.captures,
            message));
    SessionAnswer.Ended e =
        new SessionAnswer.Ended(s.id(), outcome, s.used, charge.amount(), true, message);
    s.ended = e;
    for (MeteringListener l : listeners) {
      l.onEnded(e);
    }
    return e;
  }

  private SessionAnswer.Ended refuse(
      OpenRequest r, @Nullable AccountId account, Outcome outcome, String message, Instant now) {
    records.add(
        CallRecord.refused(
            r.sessionId(),
            service.name(),
            r.id().masked(),
            account,
            r.accessNumber(),
            r.destination(),
            r.rating().rateName(),
            now,
            settle.currency(),
            outcome,
            message));
    SessionAnswer.Ended e = new SessionAnswer.Ended(r.sessionId(), outcome, 0, 0, true, message);
    for (MeteringListener l : listeners) {
      l.onEnded(e);
    }
    return e;
  }

  /** Records a refusal found while reserving the first grant. */
  SessionAnswer.Ended refuseSession(Session s, Outcome outcome, String message, Instant now) {
    s.state = Session.State.ENDED;
    return refuse(s.request, s.account, outcome, message, now);
  }
}
