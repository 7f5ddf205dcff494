package dev.idsettle.roles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.idsettle.internal.Checks;
import dev.idsettle.internal.Keys;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Spends across a holder's linked IDs (claim 8): plans the draws from the IDs' balances read just
 * before, in the documented order, and submits them as one linked group whose first transfer has
 * the id a plain request would have. A request for an ID without a holder, or a sub-ID, or one the
 * plain device screens out, is the plain device's.
 */
final class LinkedAuthenticator implements SettlementAuthenticator {
  private final DefaultSettlementManager manager;
  private final IdSettle settle;
  private final HolderKeys keys;
  private final DefaultSettlementAuthenticator plain;
  private final String service;
  private final String code;
  private final List<AccountId> revenue;
  // an ID account's keyed hash never changes: remembered to read a holder's IDs in one call
  private final Cache<AccountId, IdHash> idHashes =
      Caffeine.newBuilder().maximumSize(1_000_000).build();
  // the name of an ID's envelope for this service never changes either (whether it exists does)
  private final Cache<AccountId, IdHash> envelopeNames =
      Caffeine.newBuilder().maximumSize(1_000_000).build();

  LinkedAuthenticator(
      DefaultSettlementManager manager, HolderKeys keys, DefaultSettlementAuthenticator plain) {
    this.manager = manager;
    this.settle = manager.settle;
    this.keys = keys;
    this.plain = plain;
    this.service = plain.service().name();
    this.code = "svc:" + service;
    this.revenue = settle.operatorAccounts().revenueAccounts(service);
  }

  @Override
  public Service service() {
    return plain.service();
  }

  @Override
  public List<AuthorizationResult> authorizeAll(List<AuthorizationRequest> requests) {
    Checks.notNull(requests, "requests");
    List<AuthorizationResult> out = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      out.add(authorize(Checks.notNull(requests.get(i), "requests[" + i + "]")));
    }
    return out;
  }

  @Override
  public AuthorizationResult authorize(AuthorizationRequest request) {
    Checks.notNull(request, "request");
    Money amount = request.amount();
    if (!amount.currency().equals(settle.currency)
        || !amount.isPositive()
        || settle.throttle.isThrottled(request.terminal())
        || manager.subIds.isSubId(request.id())) {
      return plain.authorize(request);
    }
    try {
      AccountId presented = settle.resolve(request.id());
      AccountId root = presented == null ? null : keys.root(presented);
      if (presented == null || root == null) {
        return plain.authorize(request);
      }
      List<AccountId> members = keys.members(root);
      if (!members.contains(presented)) {
        members = new ArrayList<>(members);
        members.add(presented);
      }
      Map<AccountId, Account> masters = masters(members);
      Account own = masters.get(presented);
      AccountState state =
          own == null ? AccountState.ISSUED : own.effectiveState(settle.ledger.clock().instant());
      if (state == AccountState.MERGED) {
        return DefaultHolders.stateDenial(state, request.id());
      }
      if (state != AccountState.ACTIVE && state != AccountState.EXHAUSTED) {
        return plain.authorize(request);
      }
      Set<AccountId> accounts = new HashSet<>(members);
      List<Account> spendable = spendable(members, masters, accounts);
      return spend(request, presented, spendable, accounts);
    } catch (StoreException e) {
      return StoreFailures.authorization(e);
    }
  }

  private AuthorizationResult spend(
      AuthorizationRequest request,
      AccountId presented,
      List<Account> spendable,
      Set<AccountId> accounts) {
    List<LinkedPlan.Draw> draws = LinkedPlan.draws(spendable, request.amount().minor());
    if (draws.isEmpty()) {
      // not enough in all: the presented ID is asked for all of it, so that the ledger records the
      // refusal under the reference as for a plain request
      AccountId from = manager.routes.envelope(presented, service);
      draws =
          List.of(new LinkedPlan.Draw(from == null ? presented : from, request.amount().minor()));
    }
    TransferId head = Keys.debit(service, request.terminal(), request.reference());
    AccountId credit = revenue.get(settle.operatorAccounts().revenueShard(request.terminal()));
    List<LedgerCommand> legs = new ArrayList<>(draws.size());
    for (int i = 0; i < draws.size(); i++) {
      TransferId id = i == 0 ? head : LinkedPlan.legId(head, i);
      legs.add(LedgerCommand.post(id, draws.get(i).account(), credit, draws.get(i).minor(), code));
    }
    settle.ensureOperatorAccounts(code, revenue);
    List<CommandResult> results = settle.ledger.submit(LedgerBatch.create().addLinked(legs));
    CommandResult first = results.get(0);
    Refusal refusal = first.refusal();
    long before = LinkedPlan.total(spendable);
    if (refusal == Refusal.ID_REUSED || first.replayed()) {
      long now = LinkedPlan.total(spendable(keysNow(presented), null, new HashSet<>()));
      return LinkedReplay.of(
          settle, head, request, code, accounts, money(now), now < lowReference());
    }
    if (refusal != null) {
      DenialReason reason = DenialReason.of(refusal);
      Money balance =
          reason == DenialReason.INSUFFICIENT_BALANCE && !first.replayed()
              ? Money.of(before, settle.currency)
              : null;
      return new Denial(
          reason,
          balance,
          "ID "
              + request.id()
              + " and its holder's IDs: "
              + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
          first.replayed());
    }
    long after = before - request.amount().minor();
    Money left = money(after);
    long reference = lowReference();
    if (after < reference && before >= reference) {
      settle.fire(
          List.of(
              new LowBalanceEvent(
                  request.id(), service, left, plain.service().lowBalanceReference())));
    }
    return new Permit(
        Objects.requireNonNull(first.transfer()).id(),
        request.amount(),
        left,
        after < reference,
        false);
  }

  private long lowReference() {
    return plain.service().lowBalanceReference().minor();
  }

  private Money money(long minor) {
    return Money.of(minor, settle.currency);
  }

  private List<AccountId> keysNow(AccountId presented) {
    AccountId root = Objects.requireNonNull(keys.root(presented));
    return keys.members(root);
  }

  /** The holder's IDs' accounts, in one store call once their hashes are known. */
  private Map<AccountId, Account> masters(List<AccountId> members) {
    Map<IdHash, AccountId> byHash = new HashMap<>();
    Map<AccountId, Account> out = new HashMap<>();
    for (AccountId m : members) {
      IdHash h = idHashes.getIfPresent(m);
      if (h == null) {
        Account a = settle.ledger.account(m).orElseThrow();
        IdHash known = a.idHash();
        if (known != null) {
          idHashes.put(m, known);
        }
        out.put(m, a);
      } else {
        byHash.put(h, m);
      }
    }
    if (!byHash.isEmpty()) {
      for (Map.Entry<IdHash, Account> e :
          settle.ledger.accountsByIdHash(byHash.keySet()).entrySet()) {
        out.put(Objects.requireNonNull(byHash.get(e.getKey())), e.getValue());
      }
    }
    return out;
  }

  /**
   * What this service can spend from each usable ID of the holder: its envelope for the service if
   * it has one, else its unallocated value. An ID routed elsewhere holds no unallocated value.
   */
  private List<Account> spendable(
      List<AccountId> members, @Nullable Map<AccountId, Account> known, Set<AccountId> accounts) {
    Map<AccountId, Account> masters = known == null ? masters(members) : known;
    List<IdHash> hashes = new ArrayList<>(members.size());
    for (AccountId m : members) {
      hashes.add(envelopeNames.get(m, a -> manager.routes.envelopeHash(a, service)));
    }
    Map<IdHash, AccountKey> envelopes = settle.ledger.keys(hashes);
    List<Account> out = new ArrayList<>(members.size());
    java.time.Instant now = settle.ledger.clock().instant();
    for (int i = 0; i < members.size(); i++) {
      Account master = masters.get(members.get(i));
      if (master == null
          || (master.effectiveState(now) != AccountState.ACTIVE
              && master.effectiveState(now) != AccountState.EXHAUSTED)) {
        continue;
      }
      AccountKey envelope = envelopes.get(hashes.get(i));
      if (envelope != null) {
        accounts.add(envelope.account());
      }
      Account spending =
          envelope == null ? master : settle.ledger.account(envelope.account()).orElseThrow();
      if (spending.effectiveState(now) == AccountState.ACTIVE && spending.available() > 0) {
        out.add(spending);
      }
    }
    return out;
  }
}
