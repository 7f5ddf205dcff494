package dev.idsettle.http.remote;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.http.ManagerClient;
import dev.idsettle.http.Results;
import dev.idsettle.http.Transport;
import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.TransferPhase;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.ActivationResult;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.BlockResult;
import dev.idsettle.roles.Blocked;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.GuessingBudgets;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.ReversalResult;
import dev.idsettle.roles.Reversed;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SubIdIssued;
import dev.idsettle.roles.SubIdResult;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A service's settlement authentication device with a store of its own (seed 000, claims 3 and 4,
 * distributed): it holds the sub-IDs of its service with their balances in its own ledger, serves
 * requests from them locally, also while the manager is unreachable, and moves value to and from
 * the manager's ledger by two-phase transfers that apply exactly once (see {@code docs/REMOTE.md}).
 *
 * <ul>
 *   <li>{@link #load}: value of an ID at the manager becomes spendable here (reserve at the
 *       manager, a pending credit here, confirm, then the credit);
 *   <li>{@link #authorize}: a local debit of the ID's (or its sub-ID's) value here;
 *   <li>{@link #giveBack}: the unspent value goes back to the ID at the manager;
 *   <li>{@link #revokeSubId}: a sub-ID revoked at the manager is served here no more, and its value
 *       goes back;
 *   <li>{@link #recover}: finishes or undoes every transfer left pending by a lost answer or a
 *       crash; run it at start-up and from time to time (a scheduler of the integrator's).
 * </ul>
 *
 * Numbers not served here are answered alike and counted against {@link GuessingBudgets} (see
 * {@link Builder#guessingBudgets}). A transfer whose outcome the manager has not told yet answers
 * {@link dev.idsettle.roles.Unknown}: retrying with the same reference, or {@link #recover},
 * finishes it. Thread-safe.
 */
public final class LocalAuthenticator implements SettlementAuthenticator {
  // the guessing budget of give-backs, which name no requesting terminal
  private static final String GIVE_BACK = "give-back";
  private final Service service;
  private final String source;
  private final Ledger ledger;
  private final LocalBook book;
  private final ManagerLink link;
  private final ManagerClient client;
  private final LocalGuard guard;

  private LocalAuthenticator(Builder b) {
    this.service = b.service;
    this.source = b.transport.partyName();
    this.ledger = b.ledger;
    this.book =
        new LocalBook(
            b.ledger,
            new LocalKeys(b.key),
            b.service.name(),
            b.service.lowBalanceReference().currency());
    this.link = new ManagerLink(b.transport);
    this.client = ManagerClient.over(b.transport);
    this.guard = new LocalGuard(b.budgets, b.ledger.clock());
  }

  /**
   * Starts configuring the device of {@code service} over its own {@code ledger}, reaching the
   * manager through {@code transport} (whose party is an authenticator of {@code service}).
   */
  public static Builder builder(Ledger ledger, Transport transport, Service service) {
    return new Builder(ledger, transport, service);
  }

  @Override
  public Service service() {
    return service;
  }

  /** The party this device speaks as (its transfers' ids derive from it). */
  String source() {
    return source;
  }

  /** The ledger of this device, for reports and operator tools. */
  public Ledger ledger() {
    return ledger;
  }

  /** The sub-ID of {@code id} at this service, from the manager (claim 4). */
  public SubIdResult subId(IdNumber id) {
    return client.subId(id);
  }

  /**
   * Moves {@code amount} of {@code id}'s value at the manager here, to be spent at this service
   * with the ID or its sub-ID. Idempotent per {@code reference}: a retry returns the original
   * outcome, and finishes the transfer if it was left pending.
   *
   * @return {@link Activated} with the transfer's id and the balance here; a {@link Denial}; or
   *     {@link dev.idsettle.roles.Unknown} while the manager has not decided (retry, or let {@link
   *     #recover} finish it)
   */
  public ActivationResult load(IdNumber id, Money amount, String reference) {
    check(id, amount, reference);
    TransferId transfer = TransferIds.pull(source, reference);
    try {
      Optional<Transfer> pending = book.transfer(transfer);
      if (pending.isPresent()) {
        return pullOutcome(finishPull(pending.get()), true);
      }
      SubIdResult sub = client.subId(id);
      if (!(sub instanceof SubIdIssued issued)) {
        return (ActivationResult) sub;
      }
      Answer reserved = link.reserve(transfer, id, amount);
      if (!(reserved instanceof Answer.TransferState state)) {
        return reserved instanceof Answer.Denied d
            ? new Denial(d.reason(), d.balance(), d.message(), d.replayed())
            : Results.unknown("the manager did not answer the reserve");
      }
      Long managerAccount = state.account();
      boolean holds = state.phase() == TransferPhase.PENDING || state.phase() == TransferPhase.DONE;
      if (!holds || managerAccount == null) {
        return undone(state);
      }
      AccountId local = book.ensure(id, issued.subId(), managerAccount);
      // the durable intent, before the confirm: a crash from here on is finished by recover()
      CommandResult held = book.hold(transfer, local, amount.minor(), true);
      Transfer hold = held.transfer();
      if (!held.applied() || hold == null) {
        return new Denial(
            DenialReason.DUPLICATE_REFERENCE, null, "the reference was used for another load");
      }
      return pullOutcome(finishPull(hold), held.replayed());
    } catch (StoreException e) {
      return failed(e, ActivationResult.class);
    }
  }

  /** What a pull's local hold says once {@link #finishPull} has tried to settle it. */
  private ActivationResult pullOutcome(Transfer hold, boolean replayed) {
    Money amount = Money.of(hold.amount(), service.lowBalanceReference().currency());
    return switch (hold.holdState()) {
      case CAPTURED ->
          new Activated(
              hold.id(),
              amount,
              book.account(hold.credit()).orElseThrow().availableBalance(),
              replayed);
      case VOIDED, EXPIRED ->
          new Denial(DenialReason.REVERSED, null, "the manager undid the transfer", replayed);
      default -> Results.unknown("the manager has not confirmed the transfer yet");
    };
  }

  private static Denial undone(Answer.TransferState state) {
    DenialReason reason = state.reason();
    return new Denial(
        reason == null ? DenialReason.REVERSED : reason, null, "the manager refused the transfer");
  }

  /**
   * Asks the manager to decide a pull and follows its decision here: done, the pending credit is
   * captured; undone, voided; not reserved at all, the transfer is cancelled (barred) first.
   *
   * @return the local hold as it stands after
   */
  private Transfer finishPull(Transfer hold) {
    if (hold.holdState() != HoldState.OPEN) {
      return hold;
    }
    Answer.TransferState state = link.confirm(hold.id());
    if (state != null && state.phase() == TransferPhase.ABSENT) {
      state = link.cancel(hold.id());
    }
    return follow(hold, state);
  }

  private Transfer finishRepay(Transfer hold) {
    if (hold.holdState() != HoldState.OPEN) {
      return hold;
    }
    Optional<AccountId> target = book.managerAccountOf(hold.debit());
    if (target.isEmpty()) {
      throw new IllegalStateException("a repay's account has no manager's account recorded");
    }
    Money amount = Money.of(hold.amount(), service.lowBalanceReference().currency());
    return follow(hold, link.repay(hold.id(), target.get(), amount));
  }

  private Transfer follow(Transfer hold, Answer.@Nullable TransferState state) {
    if (state == null) {
      return hold;
    }
    if (state.phase() == TransferPhase.DONE || state.phase() == TransferPhase.UNDONE) {
      book.resolve(hold, state.phase() == TransferPhase.DONE);
      return book.transfer(hold.id()).orElse(hold);
    }
    return hold;
  }

  /**
   * Gives the unspent value of {@code id} (or its sub-ID) here back to the ID at the manager. The
   * value is held here first, so it cannot be spent meanwhile. Idempotent per {@code reference}.
   *
   * @return {@link Reversed} with the amount given back; a {@link Denial} (unknown here, nothing to
   *     give back, or refused by the manager: the value stays here); or {@link
   *     dev.idsettle.roles.Unknown} while the manager has not answered
   */
  public ReversalResult giveBack(IdNumber id, String reference) {
    if (id == null) {
      throw new InvalidRequestException("id must not be null");
    }
    checkReference(reference);
    TransferId transfer = TransferIds.giveBack(source, reference);
    try {
      Optional<Transfer> pending = book.transfer(transfer);
      if (pending.isPresent()) {
        return repayOutcome(finishRepay(pending.get()), true);
      }
      if (guard.blocked(GIVE_BACK)) {
        return LocalGuard.throttled();
      }
      Optional<Account> account = book.find(id);
      if (account.isEmpty()) {
        return unknown(GIVE_BACK);
      }
      return repay(transfer, account.get());
    } catch (StoreException e) {
      return failed(e, ReversalResult.class);
    }
  }

  /** Holds all that {@code account} has available here and pays it back to the ID's account. */
  private ReversalResult repay(TransferId transfer, Account account) {
    long amount = account.available();
    if (amount <= 0) {
      return new Denial(DenialReason.EXHAUSTED, null, "nothing to give back");
    }
    CommandResult held = book.hold(transfer, account.id(), amount, false);
    Transfer hold = held.transfer();
    if (!held.applied() || hold == null) {
      return new Denial(
          DenialReason.INSUFFICIENT_BALANCE, null, "the value was spent meanwhile: ask again");
    }
    return repayOutcome(finishRepay(hold), held.replayed());
  }

  /**
   * Revokes {@code subId} at the manager (claim 4) and follows it here: once the manager has
   * revoked it (it answers {@link Blocked}, or, asked again, that the sub-ID is unknown), this
   * device serves it no more and gives the value of its account back to the ID at the manager (the
   * ID keeps its value; a later load follows its next sub-ID). Idempotent: ask again after an
   * {@link dev.idsettle.roles.Unknown} or a crash.
   *
   * @return the manager's answer
   */
  public BlockResult revokeSubId(IdNumber subId) {
    if (subId == null) {
      throw new InvalidRequestException("subId must not be null");
    }
    BlockResult revoked = client.revokeSubId(subId);
    boolean gone =
        revoked instanceof Blocked
            || (revoked instanceof Denial d && d.reason() == DenialReason.UNKNOWN_ID);
    if (!gone) {
      return revoked;
    }
    try {
      Optional<Account> account = book.revoke(subId);
      if (account.isPresent()) {
        // the value goes back once per revoked sub-ID, by an id derived from it
        repay(TransferIds.revoked(source, book.subIdHash(subId)), account.get());
      }
    } catch (StoreException e) {
      return failed(e, BlockResult.class);
    }
    return revoked;
  }

  private ReversalResult repayOutcome(Transfer hold, boolean replayed) {
    return switch (hold.holdState()) {
      case CAPTURED ->
          new Reversed(Money.of(hold.amount(), service.lowBalanceReference().currency()), replayed);
      case VOIDED, EXPIRED ->
          new Denial(
              DenialReason.REVERSED, null, "the manager refused it; the value stays", replayed);
      default -> Results.unknown("the manager has not taken the value yet");
    };
  }

  /** Serves the request locally: permits and debits here if the balance here covers it. */
  @Override
  public AuthorizationResult authorize(AuthorizationRequest request) {
    if (request == null) {
      throw new InvalidRequestException("request must not be null");
    }
    if (!request.amount().currency().equals(service.lowBalanceReference().currency())) {
      return new Denial(DenialReason.WRONG_CURRENCY, null, "the amount is in another currency");
    }
    if (request.amount().minor() <= 0) {
      return new Denial(DenialReason.INVALID_AMOUNT, null, "the amount must be positive");
    }
    String from = request.terminal();
    if (guard.blocked(from)) {
      return LocalGuard.throttled();
    }
    try {
      Optional<Account> account = book.find(request.id());
      if (account.isEmpty()) {
        return unknown(from);
      }
      TransferId id = TransferIds.debit(request.terminal(), request.reference());
      CommandResult result = book.debit(id, account.get().id(), request.amount().minor());
      Account after = result.debitAfter();
      if (!result.applied()) {
        DenialReason reason = Reasons.of(result.refusal());
        return new Denial(
            reason == null ? DenialReason.INSUFFICIENT_BALANCE : reason,
            after == null || result.replayed() ? null : after.availableBalance(),
            "refused here",
            result.replayed());
      }
      Money balance =
          after == null ? Money.of(0, request.amount().currency()) : after.availableBalance();
      return new Permit(
          id,
          request.amount(),
          balance,
          balance.minor() < service.lowBalanceReference().minor(),
          result.replayed());
    } catch (StoreException e) {
      return failed(e, AuthorizationResult.class);
    }
  }

  /**
   * What a failed store answers, as a result of type {@code type}: {@link
   * dev.idsettle.roles.Unknown} if the failure may have committed, else {@link
   * dev.idsettle.roles.Unavailable} (both are results of every role).
   */
  private static <R> R failed(StoreException e, Class<R> type) {
    String why = String.valueOf(e.getMessage());
    return type.cast(e.mayHaveCommitted() ? Results.unknown(why) : Results.unavailable(why));
  }

  /**
   * The answer to a number not served here (never loaded, or a revoked sub-ID), alike for all: a
   * miss in {@code source}'s guessing budgets, {@link DenialReason#THROTTLED} once one is spent.
   */
  private Denial unknown(String source) {
    return guard.miss(source)
        ? new Denial(DenialReason.UNKNOWN_ID, null, "the ID is not served here")
        : LocalGuard.throttled();
  }

  /** Each request on its own, in order (the device's store is local: no batch is needed). */
  @Override
  public List<AuthorizationResult> authorizeAll(List<AuthorizationRequest> requests) {
    if (requests == null) {
      throw new InvalidRequestException("requests must not be null");
    }
    List<AuthorizationResult> results = new ArrayList<>(requests.size());
    for (AuthorizationRequest r : requests) {
      results.add(authorize(r));
    }
    return results;
  }

  /** What {@code id} (or its sub-ID) can spend here, if this device serves it. */
  public Optional<Money> balance(IdNumber id) {
    return book.find(id).map(Account::availableBalance);
  }

  /**
   * The recovery pass: asks the manager about each transfer still pending here (up to {@code
   * limit}) and follows its decision. Safe at any time and from several threads.
   *
   * @return how many of those it looked at are still pending (the manager unreachable, or the hold
   *     still open there)
   */
  public int recover(int limit) {
    if (limit < 1) {
      throw new InvalidRequestException("limit must be at least 1, was " + limit);
    }
    int left = 0;
    for (Transfer hold : book.pending(limit)) {
      Transfer after = LocalBook.PULL.equals(hold.code()) ? finishPull(hold) : finishRepay(hold);
      if (after.holdState() == HoldState.OPEN) {
        left++;
      }
    }
    return left;
  }

  /** What the manager has given this device, net of what it gave back: the value it holds. */
  public Money holding() {
    Account manager = book.account(book.manager).orElseThrow();
    return Money.of(-manager.posted(), manager.currency());
  }

  /** What the service has earned here. */
  public Money revenue() {
    Account revenue = book.account(book.revenue).orElseThrow();
    return Money.of(revenue.posted(), revenue.currency());
  }

  private void check(IdNumber id, Money amount, String reference) {
    if (id == null || amount == null) {
      throw new InvalidRequestException("id and amount must not be null");
    }
    if (amount.minor() <= 0) {
      throw new InvalidRequestException("amount must be positive");
    }
    if (!amount.currency().equals(service.lowBalanceReference().currency())) {
      throw new InvalidRequestException("amount must be in the service's currency");
    }
    checkReference(reference);
  }

  private static void checkReference(String reference) {
    if (reference == null
        || reference.isBlank()
        || reference.length() > AuthorizationRequest.MAX_REFERENCE) {
      throw new InvalidRequestException(
          "reference must have 1 to " + AuthorizationRequest.MAX_REFERENCE + " characters");
    }
  }

  /** Configures a {@link LocalAuthenticator}; validated at {@link #build()}. */
  public static final class Builder {
    private final Ledger ledger;
    private final Transport transport;
    private final Service service;
    private byte[] key = new byte[0];
    private GuessingBudgets budgets = GuessingBudgets.DEFAULT;

    private Builder(Ledger ledger, Transport transport, Service service) {
      if (ledger == null || transport == null || service == null) {
        throw new InvalidConfigurationException("ledger, transport and service must not be null");
      }
      this.ledger = ledger;
      this.transport = transport;
      this.service = service;
    }

    /**
     * The device's own secret key (at least 32 bytes): the IDs and sub-IDs it serves are stored as
     * HMACs under it, never in clear.
     */
    public Builder key(byte[] key) {
      if (key == null) {
        throw new InvalidConfigurationException("key must not be null");
      }
      this.key = key.clone();
      return this;
    }

    /**
     * The guessing budgets of this device's local answers (default {@link
     * GuessingBudgets#DEFAULT}): misses, numbers not served here, count per requesting terminal,
     * for this device's service and in all, as the library's roles count them.
     */
    public Builder guessingBudgets(GuessingBudgets budgets) {
      if (budgets == null) {
        throw new InvalidConfigurationException("guessingBudgets must not be null");
      }
      this.budgets = budgets;
      return this;
    }

    /**
     * The device; makes its own accounts if the store has none yet.
     *
     * @throws InvalidConfigurationException naming the first bad setting
     */
    public LocalAuthenticator build() {
      if (key.length < 32) {
        throw new InvalidConfigurationException(
            "key must have at least 32 bytes, has " + key.length);
      }
      return new LocalAuthenticator(this);
    }
  }
}
