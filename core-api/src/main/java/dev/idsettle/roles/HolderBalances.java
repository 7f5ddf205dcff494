package dev.idsettle.roles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.IdHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads what one service can spend from each of a holder's IDs, for a linked plan. Caches only the
 * keyed hashes of the IDs and the names of their envelopes for the service, which never change;
 * balances and states are read each time (the ledger judges the plan again under lock).
 */
final class HolderBalances {
  private final DefaultSettlementManager manager;
  private final IdSettle settle;
  private final String service;
  // an ID account's keyed hash never changes: remembered to read a holder's IDs in one call
  private final Cache<AccountId, IdHash> idHashes =
      Caffeine.newBuilder().maximumSize(1_000_000).build();
  // the name of an ID's envelope for this service never changes either (whether it exists does)
  private final Cache<AccountId, IdHash> envelopeNames =
      Caffeine.newBuilder().maximumSize(1_000_000).build();

  HolderBalances(DefaultSettlementManager manager, String service) {
    this.manager = manager;
    this.settle = manager.settle;
    this.service = service;
  }

  /** The holder's IDs' accounts, in one store call once their hashes are known. */
  Map<AccountId, Account> masters(List<AccountId> members) {
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
   * What the service can spend from each usable ID of the holder: its envelope for the service if
   * it has one, else its unallocated value, less what earlier plans of the same batch draw ({@code
   * drawn}). An ID routed elsewhere holds no unallocated value. Adds the envelopes to {@code
   * accounts}.
   */
  List<LinkedPlan.Source> spendable(
      List<AccountId> members,
      Map<AccountId, Account> masters,
      Set<AccountId> accounts,
      Map<AccountId, Long> drawn,
      boolean fromImages) {
    List<IdHash> hashes = new ArrayList<>(members.size());
    for (AccountId m : members) {
      hashes.add(envelopeNames.get(m, a -> manager.routes.envelopeHash(a, service)));
    }
    Map<IdHash, AccountKey> envelopes = settle.ledger.keys(hashes);
    List<LinkedPlan.Source> out = new ArrayList<>(members.size());
    Instant now = settle.ledger.clock().instant();
    for (int i = 0; i < members.size(); i++) {
      Account master = masters.get(members.get(i));
      if (master == null || !usable(master.effectiveState(now))) {
        continue;
      }
      AccountKey envelope = envelopes.get(hashes.get(i));
      if (envelope != null) {
        accounts.add(envelope.account());
      }
      Account spending = envelope == null ? master : envelope(envelope.account(), fromImages);
      long available = spending.available() - drawn.getOrDefault(spending.id(), 0L);
      if (spending.effectiveState(now) == AccountState.ACTIVE && available > 0) {
        out.add(new LinkedPlan.Source(spending.id(), spending.expiresAt(), available));
      }
    }
    return out;
  }

  /** An envelope's account: its last committed image if asked and known, else read. */
  private Account envelope(AccountId envelope, boolean fromImages) {
    Map<AccountId, Account> seen = fromImages ? settle.ledger.lastSeen(List.of(envelope)) : null;
    Account image = seen == null ? null : seen.get(envelope);
    return image != null ? image : settle.ledger.account(envelope).orElseThrow();
  }

  /** What the service can spend from all the holder's IDs now, read afresh. */
  long total(List<AccountId> members) {
    return LinkedPlan.total(
        spendable(members, masters(members), new java.util.HashSet<>(), Map.of(), false));
  }

  static boolean usable(AccountState state) {
    return state == AccountState.ACTIVE || state == AccountState.EXHAUSTED;
  }
}
