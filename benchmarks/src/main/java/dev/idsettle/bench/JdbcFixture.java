package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.ActivationResult;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.spi.LedgerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Set-up over a SQL store: {@code count} IDs issued in one library call (timed: issuance is itself
 * a figure) and activated at a till with {@link Fixture#BALANCE} each, from {@value #THREADS}
 * threads through a group-committing {@link IdSettle} to keep the set-up affordable.
 */
final class JdbcFixture {
  private static final int THREADS = 128;

  private JdbcFixture() {}

  /** The issuer key every {@link IdSettle} of a trial shares. */
  static byte[] issuerKey() {
    byte[] key = new byte[32];
    new SplittableRandom(42).nextBytes(key);
    return key;
  }

  /**
   * The facade a service process would run over {@code store}: the trial's issuer key, euros, group
   * commit on (up to 256 commands per store transaction).
   */
  static IdSettle groupCommitting(LedgerStore store) {
    return IdSettle.builder(store)
        .issuerKey(issuerKey())
        .currency(Fixture.EUR)
        .groupCommit(256)
        .build();
  }

  /** Issues and activates {@code count} IDs over {@code store}; prints the rates. */
  static IdNumber[] activeIds(LedgerStore store, int count) {
    try (IdSettle settle =
        IdSettle.builder(store)
            .issuerKey(issuerKey())
            .currency(Fixture.EUR)
            .maxActivationAmount(Money.of(Fixture.BALANCE, Fixture.EUR))
            .groupCommit(256)
            .build()) {
      long start = System.nanoTime();
      List<IdNumber> ids = settle.issuer().issue(count, ExpiryPolicy.never()).ids();
      long issued = System.nanoTime();
      activate(settle.terminal("bench-till"), ids);
      long activated = System.nanoTime();
      System.out.printf(
          "%n  set-up: issued %d IDs at %.0f IDs/s, activated them at %.0f/s%n",
          count, rate(count, issued - start), rate(count, activated - issued));
      return ids.toArray(new IdNumber[0]);
    }
  }

  /**
   * Debits every ID of {@code ids} once through {@code authenticator}, in batches, each result to
   * {@code check}, so that its facade has looked every ID up once and seen its account committed:
   * the steady state of a service whose IDs fit its ID-to-account cache (default one million) and
   * its ledger's account images (default 250 000), which a few seconds of warm-up over 100 000
   * random IDs would not reach.
   */
  static void warm(
      SettlementAuthenticator authenticator,
      IdNumber[] ids,
      Money amount,
      Consumer<AuthorizationResult> check) {
    List<AuthorizationRequest> requests = new ArrayList<>(1_000);
    for (int i = 0; i < ids.length; i++) {
      requests.add(new AuthorizationRequest(ids[i], amount, "warm-up", "warm-up-" + i));
      if (requests.size() == 1_000 || i == ids.length - 1) {
        authenticator.authorizeAll(requests).forEach(check);
        requests.clear();
      }
    }
  }

  private static void activate(SettlementTerminal till, List<IdNumber> ids) {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> slices = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t;
        slices.add(pool.submit(() -> activateSlice(till, ids, first)));
      }
      for (Future<?> slice : slices) {
        slice.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("set-up activation failed", e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static void activateSlice(SettlementTerminal till, List<IdNumber> ids, int first) {
    Money balance = Money.of(Fixture.BALANCE, Fixture.EUR);
    for (int i = first; i < ids.size(); i += THREADS) {
      ActivationResult result = till.activate(ids.get(i), balance, "activation-" + i);
      if (!(result instanceof Activated)) {
        throw new IllegalStateException("set-up activation " + i + " failed: " + result);
      }
    }
  }

  private static double rate(int count, long nanos) {
    return count * 1e9 / nanos;
  }
}
