package dev.idsettle.roles;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.internal.Keys;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.KeyExistsException;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.spi.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The manager over one {@link IdSettle}: registry, routing, validity queries, blocking. */
final class DefaultSettlementManager implements SettlementManager {
  private static final Set<AccountState> LIVE =
      EnumSet.of(AccountState.ACTIVE, AccountState.EXHAUSTED, AccountState.EXPIRED);

  final IdSettle settle;
  final Routes routes;
  final SubIds subIds;
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
    Checks.notNull(id, "id");
    Checks.notNull(amount, "amount");
    requireText("terminalId", terminalId, 60);
    requireText("reference", reference, 200);
    registered(service);
    Denial bad = badAmount(amount);
    if (bad != null) {
      return bad;
    }
    // the terminal's own budget: the one its SettlementTerminal handle spends
    GuardScope scope = settle.guard.scope("terminal:" + terminalId, null);
    if (scope.blocked()) {
      return scope.throttled();
    }
    try {
      AccountId found = settle.resolve(id);
      Account master = found == null ? null : settle.ledger.account(found).orElse(null);
      if (master == null) {
        return miss(id, scope);
      }
      Denial slip = SlipMarks.refuse(settle, master.id(), id, scope);
      if (slip != null) {
        return slip;
      }
      String routed = routes.route(master.id());
      if (routed != null && !routed.equals(service)) {
        return wrongService(id, service);
      }
      TransferId credit = Keys.activation(terminalId, reference);
      if (master.state() != AccountState.ISSUED && settle.ledger.transfer(credit).isEmpty()) {
        // sold already, and not by this reference (whose replay goes on): no envelope is made
        return denial(Refusal.forState(master.effectiveState(now())), id, null);
      }
      AccountId cash = settle.operatorAccounts().cash(terminalId);
      settle.ensureOperatorAccounts(cash.toString(), List.of(cash));
      for (int attempt = 1; ; attempt++) {
        Envelope envelope = envelope(master, service);
        List<AccountKey> keys = new ArrayList<>(newKeys(List.of(envelope)));
        if (routed == null) { // a reversed routed activation sold again keeps its route
          keys.add(routes.routeKey(master.id(), service));
        }
        List<LedgerCommand> group = new ArrayList<>(4);
        group.add(
            LedgerCommand.changeState(
                master.id(), EnumSet.of(AccountState.ISSUED), AccountState.ACTIVE));
        group.add(LedgerCommand.post(credit, cash, master.id(), amount.minor(), "activation"));
        group.addAll(routing(envelope, master.id(), credit, amount.minor(), service));
        List<CommandResult> results;
        try {
          results = settle.ledger.submit(LedgerBatch.create().addLinked(group).withKeys(keys));
        } catch (KeyExistsException e) {
          if (attempt == 3) {
            throw new StoreException("the ID's envelope kept changing: retry", false, e);
          }
          continue;
        }
        CommandResult r = results.get(results.size() - 1);
        Refusal refusal = results.get(1).refusal();
        if (refusal != null) {
          return denial(refusal, id, null);
        }
        keys.forEach(routes::remember);
        Account after = Objects.requireNonNull(r.creditAfter());
        return new Activated(credit, amount, after.availableBalance(), r.replayed());
      }
    } catch (StoreException e) {
      return StoreFailures.activation(e);
    }
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
    Checks.notNull(id, "id");
    requireText("requester", requester, 60);
    registered(service);
    if (subIds.isSubId(id)) {
      throw new InvalidRequestException("id is a sub-ID: present the ID it belongs to");
    }
    try {
      Object sold = sold(id, requester(requester, service));
      if (sold instanceof Denial d) {
        return d;
      }
      Account master = (Account) sold;
      Denial unusable = unusable(master, id);
      if (unusable != null) {
        return unusable;
      }
      String routed = routes.route(master.id());
      if (routed != null && !routed.equals(service)) {
        return wrongService(id, service);
      }
      IdNumber subId = subIds.issue(master.id(), service);
      if (subId == null) {
        return new Denial(
            DenialReason.BLOCKED,
            null,
            "every sub-ID of ID " + id + " at " + service + " was revoked: no more are issued");
      }
      return new SubIdIssued(subId, service);
    } catch (StoreException e) {
      return StoreFailures.subId(e);
    }
  }

  @Override
  public BlockResult revokeSubId(IdNumber subId) {
    return revoke(subId, null, shared);
  }

  @Override
  public BlockResult revokeSubId(IdNumber subId, String service) {
    return revoke(subId, service, registered(service).scope());
  }

  private BlockResult revoke(IdNumber subId, @Nullable String service, GuardScope scope) {
    Checks.notNull(subId, "subId");
    if (!subIds.isSubId(subId)) {
      throw new InvalidRequestException(
          "subId has " + subId.length() + " digits; sub-IDs have " + subIds.format().length());
    }
    if (scope.blocked()) {
      return scope.throttled();
    }
    try {
      SubIds.Found found = subIds.find(subId);
      AccountKey key = found.key();
      if (key == null) {
        return miss(subId, scope);
      }
      if (service != null && !found.service().equals(service)) {
        return wrongService(subId, service);
      }
      return new Blocked(subIds.revoke(key.hash(), key.account()) ? 1 : 0);
    } catch (StoreException e) {
      return StoreFailures.block(e);
    }
  }

  /**
   * The ID account a request presenting {@code subId} at {@code service} spends for, the denial of
   * a sub-ID of another service, or null for a sub-ID never issued or revoked: the caller answers
   * both alike, as a miss in its budgets.
   */
  @Nullable Object resolveSubId(IdNumber subId, String service) {
    SubIds.Found found = subIds.find(subId);
    AccountKey key = found.key();
    if (key == null || found.revoked()) {
      return null;
    }
    if (!found.service().equals(service)) {
      return wrongService(subId, service);
    }
    return key.account();
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

  /**
   * The envelope of {@code master} for {@code service}: the one its key finds, or a new empty
   * account with the key that will make it the envelope, to be written with the first transfer into
   * it ({@link LedgerBatch#withKeys}). So an envelope exists only once value entered it, and a
   * refused selection leaves no envelope behind (only an unreachable empty account). A new envelope
   * is issued like its ID while the ID is, so that it never tells an unsold ID from an unknown one,
   * and takes its ID's expiry.
   */
  Envelope envelope(Account master, String service) {
    AccountId existing = routes.envelope(master.id(), service);
    if (existing != null) {
      return new Envelope(existing, null);
    }
    Instant expiresAt = master.expiresAt();
    if (expiresAt == null) {
      expiresAt = master.expiry().onActivation(settle.ledger.clock().instant());
    }
    AccountId id = AccountId.random();
    Account envelope =
        new Account(
            id,
            AccountKind.ID,
            settle.currency,
            master.state() == AccountState.ISSUED ? AccountState.ISSUED : AccountState.EXHAUSTED,
            0,
            0,
            master.expiry(),
            expiresAt,
            null);
    settle.ledger.createAccounts(List.of(envelope));
    return new Envelope(id, routes.envelopeKey(master.id(), service, id));
  }

  /**
   * An envelope to move value into, and its key if the envelope is new.
   *
   * @param account the envelope's account
   * @param newKey the key to write with the first transfer into it, or null if it exists
   */
  record Envelope(AccountId account, @Nullable AccountKey newKey) {}

  /** The keys of the new envelopes among {@code envelopes}. */
  static List<AccountKey> newKeys(List<Envelope> envelopes) {
    List<AccountKey> out = new ArrayList<>(1);
    for (Envelope e : envelopes) {
      AccountKey k = e.newKey();
      if (k != null) {
        out.add(k);
      }
    }
    return out;
  }

  /** The new envelopes' accounts, opened if issued. */
  /**
   * The commands that move {@code amount}, just credited to {@code id} by {@code credit}, on into
   * its {@code envelope} at {@code service}: the envelope's opening if it is new, then the move,
   * whose transfer id derives from the credit's.
   */
  List<LedgerCommand> routing(
      Envelope envelope, AccountId id, TransferId credit, long amount, String service) {
    List<LedgerCommand> out = new ArrayList<>(opening(List.of(envelope)));
    out.add(
        LedgerCommand.post(
            TransferId.derive("idsettle:route", credit.toString()),
            id,
            envelope.account(),
            amount,
            Routes.ROUTE + service));
    return out;
  }

  List<LedgerCommand> opening(List<Envelope> envelopes) {
    List<LedgerCommand> out = new ArrayList<>(1);
    for (Envelope envelope : envelopes) {
      Account a = settle.ledger.account(envelope.account()).orElseThrow();
      if (a.state() == AccountState.ISSUED) {
        out.add(
            LedgerCommand.changeState(
                envelope.account(), EnumSet.of(AccountState.ISSUED), AccountState.EXHAUSTED));
      }
    }
    return out;
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

  /**
   * A miss (an ID or sub-ID never issued, not sold or revoked) counted in {@code scope}: one answer
   * for all of them, or {@link DenialReason#THROTTLED} if a budget had no room for it.
   */
  static Denial miss(IdNumber id, GuardScope scope) {
    if (!scope.miss()) {
      return scope.throttled();
    }
    return new Denial(DenialReason.UNKNOWN_ID, null, "ID " + id + " cannot be used");
  }

  static Denial wrongService(IdNumber id, String service) {
    return new Denial(
        DenialReason.WRONG_SERVICE,
        null,
        "ID " + id + " is usable at another service only, not at " + service);
  }

  static Denial denial(Refusal refusal, IdNumber id, @Nullable Money balance) {
    DenialReason reason = DenialReason.of(refusal);
    return new Denial(
        reason,
        reason == DenialReason.INSUFFICIENT_BALANCE || reason == DenialReason.EXHAUSTED
            ? balance
            : null,
        "ID " + id + ": " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
  }

  /** Requires 1 to {@code max} characters, not all blank, naming {@code field} otherwise. */
  static void requireText(String field, @Nullable String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new InvalidRequestException(
          field + " must have 1 to " + max + " characters and not be blank");
    }
  }
}
