package dev.idsettle.tck;

import static dev.idsettle.tck.NetworkFixture.eur;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.OperatorAccounts;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.ServiceSelector;
import dev.idsettle.roles.SubIdIssued;
import dev.idsettle.roles.SubIdResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The network under many threads: splits into envelopes, give-backs and re-splits, spending from
 * IDs, envelopes and sub-IDs, and sub-ID issuance, all at once on a few IDs. Afterwards the
 * ledger's invariants must hold on the closed set of accounts involved (value conserved, no ID or
 * envelope overdrawn, balances equal to their journals), the revenue must equal the permits, and
 * each ID must have had one sub-ID per service.
 */
public final class NetworkScenario {
  private static final String TERMINAL = "kiosk";

  private NetworkScenario() {}

  /**
   * What the run found.
   *
   * @param violations every broken invariant, as readable lines
   * @param permits how many spends were permitted
   * @param seed the random seed, to repeat a failing run
   */
  public record Report(List<String> violations, long permits, long seed) {}

  /** Runs {@code threads} threads of {@code operations} random operations each over {@code f}. */
  public static Report run(LedgerFixture f, int threads, int operations, long seed)
      throws Exception {
    NetworkFixture n = new NetworkFixture(f);
    List<IdNumber> ids = List.of(n.active(1000), n.active(1000), n.active(1000));
    Map<String, Set<IdNumber>> subIds = new ConcurrentHashMap<>();
    AtomicLong permitted = new AtomicLong();
    AtomicLong permits = new AtomicLong();
    List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    ScenarioThreads.run(
        threads,
        operations,
        seed,
        random -> step(n, ids, random, subIds, permitted, permits),
        violations);
    List<AccountId> closed = new ArrayList<>();
    OperatorAccounts accounts = n.settle().operatorAccounts();
    closed.add(accounts.cash(n.till()));
    AccountId phoneRevenue = accounts.revenue(n.phone(), TERMINAL);
    AccountId webRevenue = accounts.revenue(n.web(), TERMINAL);
    closed.add(phoneRevenue);
    closed.add(webRevenue);
    for (IdNumber id : ids) {
      AccountId master = n.settle().account(id).orElseThrow().id();
      closed.add(master);
      for (AccountKey k : f.store().keysOwnedBy(master)) {
        if (k.tag().startsWith("envelope:")) {
          closed.add(k.account());
        }
      }
    }
    violations.addAll(Invariants.violations(f.store(), closed));
    long revenue =
        f.ledger().account(phoneRevenue).orElseThrow().posted()
            + f.ledger().account(webRevenue).orElseThrow().posted();
    if (revenue != permitted.get()) {
      violations.add("revenue " + revenue + " but permits for " + permitted.get());
    }
    subIds.forEach(
        (key, numbers) -> {
          if (numbers.size() != 1) {
            violations.add(key + " got " + numbers.size() + " different sub-IDs");
          }
        });
    return new Report(violations, permits.get(), seed);
  }

  @SuppressWarnings("StatementSwitchToExpressionSwitch") // case 3 returns from inside its block
  private static Object step(
      NetworkFixture n,
      List<IdNumber> ids,
      Random random,
      Map<String, Set<IdNumber>> subIds,
      AtomicLong permitted,
      AtomicLong permits) {
    int which = random.nextInt(ids.size());
    IdNumber id = ids.get(which);
    String service = random.nextBoolean() ? n.phone() : n.web();
    String other = service.equals(n.phone()) ? n.web() : n.phone();
    ServiceSelector selector = n.manager().selector();
    String reference = UUID.randomUUID().toString();
    long amount = 1L + random.nextInt(60);
    switch (random.nextInt(6)) {
      case 0:
        return selector.select(
            id, Map.of(service, eur(amount), other, eur(amount / 2 + 1)), reference);
      case 1:
        return selector.giveBack(id, service, random.nextBoolean() ? null : eur(amount), reference);
      case 2:
        return selector.move(id, service, other, eur(amount), reference);
      case 3:
        {
          SubIdResult r = n.manager().subId(id, service, TERMINAL);
          if (r instanceof SubIdIssued issued) {
            subIds
                .computeIfAbsent(which + "@" + service, k -> ConcurrentHashMap.newKeySet())
                .add(issued.subId());
            return spend(n, service, issued.subId(), amount, reference, permitted, permits);
          }
          return r;
        }
      default:
        return spend(n, service, id, amount, reference, permitted, permits);
    }
  }

  private static AuthorizationResult spend(
      NetworkFixture n,
      String service,
      IdNumber id,
      long amount,
      String reference,
      AtomicLong permitted,
      AtomicLong permits) {
    AuthorizationResult r =
        n.manager()
            .authenticator(service)
            .authorize(new AuthorizationRequest(id, eur(amount), TERMINAL, reference));
    if (r instanceof Permit) {
      permitted.addAndGet(amount);
      permits.incrementAndGet();
    }
    return r;
  }
}
