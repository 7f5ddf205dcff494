package dev.idsettle.roles;

import static dev.idsettle.roles.Answers.denial;
import static dev.idsettle.roles.Answers.miss;
import static dev.idsettle.roles.Answers.requireText;
import static dev.idsettle.roles.Answers.wrongService;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.money.Money;
import dev.idsettle.spi.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The manager over one {@link IdSettle}: the registry of services, validity queries and blocks, and
 * the guard checks its helpers share ({@link #sold}, {@link #requester}); routed activation ({@link
 * RoutedActivation}), sub-IDs ({@link SubIdDesk}) and envelopes ({@link Envelopes}) live apart.
 */
final class DefaultSettlementManager implements SettlementManager {
  private static final Set<AccountState> LIVE =
      EnumSet.of(AccountState.ACTIVE, AccountState.EXHAUSTED, AccountState.EXPIRED);

  final IdSettle settle;
  final Routes routes;
  final SubIds subIds;
  final Envelopes envelopes;
  private final RoutedActivation activation;
  private final SubIdDesk subIdDesk;
  private final Map<String, DefaultSettlementAuthenticator> services = new ConcurrentHashMap<>();
  private final ServiceSelector selector;
  // the budget of the calls that name no requester: blocks, revocations, the selector
  final GuardScope shared;

  DefaultSettlementManager(IdSettle settle) {
    this.settle = settle;
    this.routes =
        new Routes(
            settle.ledger,
            settle.hasher,
            settle.ledger.store().readsAreLocal() ? 0 : IdSettle.DEFAULT_ACCOUNT_CACHE_SIZE);
    this.subIds = new SubIds(settle);
    this.envelopes = new Envelopes(settle, routes);
    this.activation = new RoutedActivation(this);
    this.subIdDesk = new SubIdDesk(this);
    this.selector = new DefaultServiceSelector(this);
    this.shared = settle.guard.shared("role:manager");
  }

  @Override
  public SettlementAuthenticator register(Service service) {
    Checks.notNull(service, "service");
    DefaultSettlementAuthenticator device =
        services.computeIfAbsent(
            service.name(), n -> new DefaultSettlementAuthenticator(settle, service, this));
    if (!device.service().equals(service)) {
      throw new InvalidRequestException(
          "service "
              + service.name()
              + " is registered already with low-balance reference "
              + device.service().lowBalanceReference()
              + ": a service name stands for one service");
    }
    return device;
  }

  @Override
  public SettlementAuthenticator authenticator(String name) {
    return registered(name);
  }

  @Override
  public Set<String> services() {
    return Set.copyOf(services.keySet());
  }

  DefaultSettlementAuthenticator registered(String name) {
    Checks.notNull(name, "service");
    DefaultSettlementAuthenticator device = services.get(name);
    if (device == null) {
      throw new InvalidRequestException(
          "service '" + name + "' is not registered: register it with the manager first");
    }
    return device;
  }

  @Override
  public ActivationResult activate(
      String terminalId, IdNumber id, Money amount, String service, String reference) {
    return activation.activate(terminalId, id, amount, service, reference);
  }

  @Override
  public ValidityResult query(IdNumber id, String service, String requester) {
    Checks.notNull(id, "id");
    requireText("requester", requester, 60);
    Service s = registered(service).service();
    try {
      Object sold = sold(id, requester(requester, service));
      if (sold instanceof Denial d) {
        return d;
      }
      Account master = (Account) sold;
      Instant now = settle.ledger.clock().instant();
      AccountState state = master.effectiveState(now);
      if (state != AccountState.ACTIVE && state != AccountState.EXHAUSTED) {
        // MERGED, not CLOSED; never which ID it went to (another number of the holder)
        return DefaultHolders.stateDenial(state, id);
      }
      AccountId envelope = routes.envelope(master.id(), service);
      Account spending = master;
      if (envelope != null) {
        spending = settle.ledger.account(envelope).orElseThrow();
        AccountState envelopeState = spending.effectiveState(now);
        if (envelopeState != AccountState.ACTIVE && envelopeState != AccountState.EXHAUSTED) {
          return denial(Refusal.forState(envelopeState), id, null);
        }
      } else {
        String routed = routes.route(master.id());
        if (routed != null && !routed.equals(service)) {
          return wrongService(id, service);
        }
      }
      Money spendable = spending.availableBalance();
      if (!spendable.isPositive()) {
        return denial(Refusal.EXHAUSTED, id, spendable);
      }
      return new Valid(
          spendable, envelope != null, spendable.minor() < s.lowBalanceReference().minor());
    } catch (StoreException e) {
      return StoreFailures.validity(e);
    }
  }

  @Override
  public SubIdResult subId(IdNumber id, String service, String requester) {
    return subIdDesk.issue(id, service, requester);
  }

  @Override
  public BlockResult revokeSubId(IdNumber subId) {
    return subIdDesk.revoke(subId, null, shared);
  }

  @Override
  public BlockResult revokeSubId(IdNumber subId, String service) {
    return subIdDesk.revoke(subId, service, registered(service).scope());
  }

  /** See {@link SubIdDesk#resolve}. */
  @Nullable AccountId resolveSubId(IdNumber subId, String service) {
    return subIdDesk.resolve(subId, service);
  }

  @Override
  public ServiceSelector selector() {
    return selector;
  }

  /**
   * Blocks the ID, then its envelopes, in one linked group; then looks again: an envelope made
   * while the block was under way holds nothing (the ID, once blocked, gives no value), and is
   * blocked by the next round.
   */
  @Override
  public BlockResult block(IdNumber id) {
    Checks.notNull(id, "id");
    if (shared.blocked()) {
      return shared.throttled();
    }
    try {
      AccountId master = settle.resolve(id);
      if (master == null) {
        return miss(id, shared);
      }
      int blocked = 0;
      for (int round = 0; round < 10; round++) {
        List<AccountId> accounts = new ArrayList<>();
        accounts.add(master);
        accounts.addAll(routes.envelopes(master).values());
        List<LedgerCommand> changes = new ArrayList<>();
        for (AccountId account : accounts) {
          Account a = settle.ledger.account(account).orElseThrow();
          if (a.state() != AccountState.BLOCKED) {
            changes.add(LedgerCommand.changeState(account, LIVE, AccountState.BLOCKED));
          }
        }
        if (changes.isEmpty()) {
          return new Blocked(blocked);
        }
        List<CommandResult> results = settle.ledger.submit(LedgerBatch.create().addLinked(changes));
        Refusal refusal = results.get(0).refusal();
        if (refusal != null && refusal != Refusal.BLOCKED) {
          return denial(refusal, id, null);
        }
        if (refusal == null) {
          blocked += changes.size();
        }
      }
      throw new StoreException("the envelopes of the ID kept changing while it was blocked", false);
    } catch (StoreException e) {
      return StoreFailures.block(e);
    }
  }

  /**
   * The budgets of {@code requester} (the authenticated party a call is made for, which over the
   * wire is the caller) asking about IDs for {@code service}: its own, the service's, the global.
   */
  GuardScope requester(String requester, String service) {
    return settle.guard.scope("requester:" + requester, service);
  }

  /**
   * The account of {@code id} if it was sold ({@link Account}), else the denial: {@code scope}
   * throttled, or a miss counted in it for an ID never issued or issued and not sold, answered
   * alike after the same work (a look-up that leaves out an unsold ID, as {@link
   * IdResolver#usable}).
   */
  Object sold(IdNumber id, GuardScope scope) {
    if (scope.blocked()) {
      return scope.throttled();
    }
    AccountId found = settle.resolver.usable(id);
    Account account = found == null ? null : settle.ledger.account(found).orElse(null);
    if (account == null || account.state() == AccountState.ISSUED) {
      if (account != null) {
        // sold, cached, then reversed: read like any unsold ID from now on
        settle.resolver.forget(id);
      }
      return miss(id, scope);
    }
    return account;
  }

  private Instant now() {
    return settle.ledger.clock().instant();
  }

  /** The denial for using {@code master} now, or null if it is active or exhausted. */
  @Nullable Denial unusable(Account master, IdNumber id) {
    AccountState state = master.effectiveState(now());
    if (state == AccountState.ACTIVE || state == AccountState.EXHAUSTED) {
      return null;
    }
    return denial(Refusal.forState(state), id, null);
  }

  @Nullable Denial badAmount(Money amount) {
    if (!amount.currency().equals(settle.currency)) {
      return new Denial(
          DenialReason.WRONG_CURRENCY,
          null,
          "amount is in " + amount.currency() + ", IDs are in " + settle.currency);
    }
    if (!amount.isPositive()) {
      return new Denial(
          DenialReason.INVALID_AMOUNT, null, "amount must be positive, was " + amount);
    }
    return null;
  }
}
