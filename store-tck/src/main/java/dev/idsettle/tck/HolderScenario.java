package dev.idsettle.tck;

import static dev.idsettle.tck.NetworkFixture.eur;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Holders;
import dev.idsettle.roles.Linked;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.SettlementAuthenticator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A holder's IDs under many threads (claims 8, 9): linked spends presenting any of the holder's
 * IDs, plain debits on single IDs, and merges of all of them into a freshly activated ID, all at
 * once. Afterwards the ledger's invariants must hold on the closed set of accounts involved (value
 * conserved, no ID overdrawn, balances equal to their journals), the revenue must equal the permits
 * (no value spent twice, in particular by a merge racing a debit on the old ID), and every merged
 * ID must be empty.
 */
public final class HolderScenario {
  private static final String TERMINAL = "kiosk";

  private HolderScenario() {}

  /**
   * What the run found.
   *
   * @param violations every broken invariant, as readable lines
   * @param permits how many spends were permitted
   * @param merges how many merges moved value
   * @param seed the random seed, to repeat a failing run
   */
  public record Report(List<String> violations, long permits, long merges, long seed) {}

  /** Runs {@code threads} threads of {@code operations} random operations each over {@code f}. */
  public static Report run(LedgerFixture f, int threads, int operations, long seed)
      throws Exception {
    NetworkFixture n = new NetworkFixture(f);
    Holders holders = Holders.over(n.manager());
    String holder = "holder-" + UUID.randomUUID();
    List<IdNumber> ids = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 3; i++) {
      IdNumber id = n.active(1000);
      if (!(holders.link(holder, id, UUID.randomUUID().toString()) instanceof Linked)) {
        throw new IllegalStateException("could not link the scenario's IDs");
      }
      ids.add(id);
    }
    AtomicLong permitted = new AtomicLong();
    AtomicLong permits = new AtomicLong();
    AtomicLong merges = new AtomicLong();
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    ScenarioThreads.run(
        threads,
        operations,
        seed,
        random -> step(n, holders, holder, ids, random, permitted, permits, merges),
        violations);
    AccountId revenue = n.settle().operatorAccounts().revenue(n.phone(), TERMINAL);
    List<AccountId> closed = new ArrayList<>();
    closed.add(n.settle().operatorAccounts().cash(n.till()));
    closed.add(revenue);
    for (IdNumber id : ids) {
      Account a = n.settle().account(id).orElseThrow();
      closed.add(a.id());
      if (a.state() == AccountState.MERGED && (a.posted() != 0 || a.reserved() != 0)) {
        violations.add("a merged ID still holds " + a.posted() + " (" + a.reserved() + " held)");
      }
    }
    violations.addAll(Invariants.violations(f.store(), closed));
    long earned = f.ledger().account(revenue).orElseThrow().posted();
    if (earned != permitted.get()) {
      violations.add("revenue " + earned + " but permits for " + permitted.get());
    }
    return new Report(violations, permits.get(), merges.get(), seed);
  }

  private static Object step(
      NetworkFixture n,
      Holders holders,
      String holder,
      List<IdNumber> ids,
      Random random,
      AtomicLong permitted,
      AtomicLong permits,
      AtomicLong merges) {
    IdNumber id = ids.get(random.nextInt(ids.size()));
    long amount = 1L + random.nextInt(400);
    String reference = UUID.randomUUID().toString();
    int op = random.nextInt(10);
    if (op == 0) {
      IdNumber fresh = n.active(100);
      ids.add(fresh);
      Object r = holders.merge(holder, fresh, reference);
      if (r instanceof dev.idsettle.roles.Merged m && m.moved().isPositive()) {
        merges.incrementAndGet();
      }
      return r;
    }
    SettlementAuthenticator device =
        op < 6 ? holders.authenticator(n.phone()) : n.manager().authenticator(n.phone());
    AuthorizationResult r =
        device.authorize(new AuthorizationRequest(id, eur(amount), TERMINAL, reference));
    if (r instanceof Permit) {
      permitted.addAndGet(amount);
      permits.incrementAndGet();
    }
    return r;
  }
}
