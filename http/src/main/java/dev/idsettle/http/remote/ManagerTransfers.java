package dev.idsettle.http.remote;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.http.Party;
import dev.idsettle.http.Results;
import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Request;
import dev.idsettle.http.message.TransferPhase;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.money.Money;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.Valid;
import dev.idsettle.roles.ValidityResult;
import dev.idsettle.spi.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The manager's side of the transfers to and from authenticators with stores of their own, on the
 * manager's ledger (see {@code docs/REMOTE.md}). Each service has a <em>float</em> account at the
 * manager: the value its authenticator holds. It is an account that must not overdraw, so a repay
 * can never give back more than the service was given (an authenticator cannot create value at the
 * manager). A pull holds value on the ID's own account (not its envelopes) for the float; its
 * capture moves it. The manager's ledger decides every transfer: what it answers {@link
 * TransferPhase#DONE} or {@link TransferPhase#UNDONE} never changes. Thread-safe.
 */
public final class ManagerTransfers implements Transfers {
  /** How long a pull's hold lives at the manager unless confirmed or cancelled, by default. */
  public static final Duration DEFAULT_HOLD_TIMEOUT = Duration.ofMinutes(2);

  private static final int V = Messages.VERSION;
  private final IdSettle settle;
  private final SettlementManager manager;
  private final Ledger ledger;
  private final Duration holdTimeout;
  private final Set<String> madeAccounts = ConcurrentHashMap.newKeySet();

  private ManagerTransfers(IdSettle settle, SettlementManager manager, Duration holdTimeout) {
    this.settle = settle;
    this.manager = manager;
    this.ledger = settle.ledger();
    this.holdTimeout = holdTimeout;
  }

  /**
   * The transfers of {@code manager} (over {@code settle}), whose holds live for {@code
   * holdTimeout} unless confirmed or cancelled: an authenticator that does not come back within it
   * finds its pull undone, and the ID's value free again.
   *
   * @throws InvalidConfigurationException if an argument is null or the timeout not positive
   */
  public static ManagerTransfers over(
      IdSettle settle, SettlementManager manager, Duration holdTimeout) {
    if (settle == null || manager == null || holdTimeout == null) {
      throw new InvalidConfigurationException("settle, manager and holdTimeout must not be null");
    }
    if (holdTimeout.isNegative() || holdTimeout.isZero()) {
      throw new InvalidConfigurationException("holdTimeout must be positive, was " + holdTimeout);
    }
    return new ManagerTransfers(settle, manager, holdTimeout);
  }

  /** The float account of {@code service}: what its authenticator holds, at the manager. */
  public AccountId floatAccount(String service) {
    return AccountId.named("remote:float:" + service + ":" + settle.currency().getCurrencyCode());
  }

  // the account a cancel's bar is written against (it moves nothing)
  private AccountId barAccount(String service) {
    return AccountId.named("remote:bar:" + service + ":" + settle.currency().getCurrencyCode());
  }

  @Override
  public Answer reserve(Party caller, Request.Reserve r) {
    String service = service(caller);
    TransferId hold = TransferIds.hold(caller.name(), r.transferId());
    try {
      Optional<Transfer> before = ledger.transfer(hold);
      if (before.isPresent()) {
        return state(r.transferId(), before.get(), holdAccount(before.get()));
      }
      if (!r.amount().currency().equals(settle.currency())) {
        return denied(DenialReason.WRONG_CURRENCY, "the amount is not in the manager's currency");
      }
      ValidityResult validity = manager.query(r.id(), service, caller.name());
      if (!(validity instanceof Valid)) {
        return Results.answer(validity);
      }
      Optional<Account> id = settle.account(r.id());
      if (id.isEmpty()) {
        return denied(DenialReason.UNKNOWN_ID, "the ID is not known");
      }
      LedgerCommand command =
          LedgerCommand.hold(
              hold,
              id.get().id(),
              ensureAccounts(service),
              r.amount().minor(),
              holdTimeout,
              "remote-reserve");
      return afterSubmit(r.transferId(), command, id.get().id());
    } catch (StoreException e) {
      return failed(e);
    }
  }

  @Override
  public Answer confirm(Party caller, Request.Confirm r) {
    TransferId hold = TransferIds.hold(caller.name(), r.transferId());
    try {
      Optional<Transfer> found = ledger.transfer(hold);
      if (found.isEmpty()) {
        return absent(r.transferId());
      }
      Transfer h = found.get();
      if (h.applied() && h.holdState() == HoldState.OPEN) {
        ledger.submit(
            LedgerBatch.create()
                .add(
                    LedgerCommand.capture(
                        TransferIds.capture(caller.name(), r.transferId()),
                        hold,
                        h.amount(),
                        "remote-confirm")));
        h = ledger.transfer(hold).orElse(h);
      }
      return state(r.transferId(), h, holdAccount(h));
    } catch (StoreException e) {
      return failed(e);
    }
  }

  @Override
  public Answer cancel(Party caller, Request.Cancel r) {
    String service = service(caller);
    TransferId hold = TransferIds.hold(caller.name(), r.transferId());
    try {
      AccountId floatAccount = ensureAccounts(service);
      // one batch: the bar and the void are judged together, against a reserve in flight too
      ledger.submit(
          LedgerBatch.create()
              .add(
                  new LedgerCommand.Tombstone(
                      hold, floatAccount, barAccount(service), "remote-cancel"))
              .add(
                  LedgerCommand.voidHold(
                      TransferIds.cancel(caller.name(), r.transferId()), hold, "remote-cancel")));
      Optional<Transfer> h = ledger.transfer(hold);
      if (h.isEmpty()) {
        // the ledger could not write the bar: say nothing final
        return failed(new StoreException("the cancel left no trace of the transfer", true));
      }
      return state(r.transferId(), h.get(), holdAccount(h.get()));
    } catch (StoreException e) {
      return failed(e);
    }
  }

  @Override
  public Answer repay(Party caller, Request.Repay r) {
    String service = service(caller);
    TransferId post = TransferIds.repay(caller.name(), r.transferId());
    try {
      Optional<Transfer> before = ledger.transfer(post);
      if (before.isPresent()) {
        return state(r.transferId(), before.get(), before.get().credit());
      }
      if (!r.amount().currency().equals(settle.currency())) {
        return undone(r.transferId(), DenialReason.WRONG_CURRENCY);
      }
      AccountId target = new AccountId(r.account());
      Optional<Account> account = ledger.account(target);
      if (account.isEmpty()
          || account.get().kind() != AccountKind.ID
          || account.get().idHash() == null) {
        // only an ID's account takes a repay (never a float or an operator's account)
        return undone(r.transferId(), DenialReason.UNKNOWN_ID);
      }
      LedgerCommand command =
          LedgerCommand.post(
              post, ensureAccounts(service), target, r.amount().minor(), "remote-repay");
      return afterSubmit(r.transferId(), command, target);
    } catch (StoreException e) {
      return failed(e);
    }
  }

  private Answer afterSubmit(TransferId transfer, LedgerCommand command, AccountId account) {
    List<CommandResult> results = ledger.submit(LedgerBatch.create().add(command));
    CommandResult result = results.get(0);
    Transfer written = result.transfer();
    if (written != null) {
      return state(transfer, written, account);
    }
    // refused and not recorded (a malformed amount): nothing was written, nothing ever will be
    return new Answer.TransferState(
        V, transfer, TransferPhase.UNDONE, account.value(), null, Reasons.of(result.refusal()));
  }

  /** The answer for {@code t}, the manager's hold (or repay post, or bar) of {@code transfer}. */
  private Answer state(TransferId transfer, Transfer t, @Nullable AccountId account) {
    Long accountNumber = account == null ? null : account.value();
    if (!t.applied()) {
      return new Answer.TransferState(
          V, transfer, TransferPhase.UNDONE, accountNumber, null, Reasons.of(t.refusal()));
    }
    TransferPhase phase =
        switch (t.holdState()) {
          case NONE, CAPTURED -> TransferPhase.DONE;
          case VOIDED, EXPIRED -> TransferPhase.UNDONE;
          // a hold past its timeout can never be captured: the ledger expires it first
          case OPEN -> due(t) ? TransferPhase.UNDONE : TransferPhase.PENDING;
        };
    return new Answer.TransferState(
        V, transfer, phase, accountNumber, Money.of(t.amount(), settle.currency()), null);
  }

  private boolean due(Transfer hold) {
    Instant timeout = hold.timeout();
    return timeout != null && !ledger.clock().instant().isBefore(timeout);
  }

  // the ID's account of a hold; none for a bar (a cancel that came first)
  private static @Nullable AccountId holdAccount(Transfer t) {
    return t.kind() == TransferKind.HOLD ? t.debit() : null;
  }

  private Answer absent(TransferId transfer) {
    return new Answer.TransferState(V, transfer, TransferPhase.ABSENT, null, null, null);
  }

  private static Answer undone(TransferId transfer, DenialReason reason) {
    return new Answer.TransferState(V, transfer, TransferPhase.UNDONE, null, null, reason);
  }

  private static Answer denied(DenialReason reason, String message) {
    return new Answer.Denied(V, reason, null, message, false);
  }

  private static Answer failed(StoreException e) {
    String message = "the manager's store failed: " + e.getMessage();
    return e.mayHaveCommitted()
        ? new Answer.Unknown(V, message)
        : new Answer.Unavailable(V, message);
  }

  /** Makes the service's float and bar accounts once per process; returns the float. */
  private AccountId ensureAccounts(String service) {
    AccountId floatAccount = floatAccount(service);
    if (!madeAccounts.contains(service)) {
      ledger.createAccounts(
          List.of(
              // an ID-kind account without an ID number: the ledger keeps it from overdrawing
              new Account(
                  floatAccount,
                  AccountKind.ID,
                  settle.currency(),
                  AccountState.ACTIVE,
                  0,
                  0,
                  ExpiryPolicy.never(),
                  null,
                  null),
              Account.operator(barAccount(service), settle.currency())));
      madeAccounts.add(service);
    }
    return floatAccount;
  }

  private static String service(Party caller) {
    String service = caller.service();
    if (service == null) {
      throw new IllegalStateException("party " + caller.name() + " has no service");
    }
    return service;
  }
}
