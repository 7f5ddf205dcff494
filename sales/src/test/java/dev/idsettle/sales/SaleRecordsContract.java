package dev.idsettle.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link SaleRecords} must do; one subclass per implementation and database. */
abstract class SaleRecordsContract {
  static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  abstract SaleRecords records();

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static List<StockEntry> entries(String denomination, int n) {
    List<StockEntry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new StockEntry(
              UUID.randomUUID().toString(),
              denomination,
              "sealed-" + i,
              StockState.AVAILABLE,
              null));
    }
    return out;
  }

  static SaleOrder order(String key, SaleState state, Instant at) {
    return new SaleOrder(
        key,
        "f".repeat(64),
        "d",
        state,
        "buyer",
        null,
        null,
        null,
        2000,
        0,
        null,
        "$argon2id$x",
        Secrets.sha256Hex(key),
        null,
        0,
        0,
        at,
        at,
        0);
  }

  @Test
  void reservesEachEntryForOneOrderAndTheSameOneAgainForThatOrder() {
    SaleRecords r = records();
    String d = unique("d");
    r.addStock(entries(d, 2));
    StockEntry a = r.reserve(d, unique("o")).orElseThrow();
    String key = unique("o");
    StockEntry b = r.reserve(d, key).orElseThrow();

    assertThat(a.stockId()).isNotEqualTo(b.stockId());
    assertThat(r.reserve(d, key)).contains(b);
    assertThat(b.state()).isEqualTo(StockState.RESERVED);
    assertThat(r.reserve(d, unique("o"))).isEmpty();
    assertThat(r.available(d)).isZero();

    r.settleStock(key, StockState.AVAILABLE);
    assertThat(r.available(d)).isEqualTo(1);
    assertThat(r.stock(b.stockId()).orElseThrow().orderKey()).isNull();
    String buyer = unique("o");
    assertThat(r.reserve(d, buyer)).isPresent();
    r.settleStock(buyer, StockState.SOLD);
    r.settleStock(buyer, StockState.AVAILABLE); // only a reserved entry moves
    assertThat(r.reserve(d, buyer).orElseThrow().state()).isEqualTo(StockState.SOLD);
  }

  @Test
  void concurrentReservationsNeverShareAnEntry() throws Exception {
    SaleRecords r = records();
    String d = unique("d");
    r.addStock(entries(d, 12));
    List<Callable<Optional<StockEntry>>> buyers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String key = unique("o");
      buyers.add(() -> r.reserve(d, key));
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    Set<String> got = new HashSet<>();
    int empty = 0;
    try {
      for (Future<Optional<StockEntry>> f : pool.invokeAll(buyers)) {
        Optional<StockEntry> e = f.get();
        if (e.isPresent()) {
          assertThat(got.add(e.get().stockId())).as("entry handed out twice").isTrue();
        } else {
          empty++;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(got).hasSize(12);
    assertThat(empty).isEqualTo(18);
  }

  @Test
  void ordersAreInsertedOnceFoundByKeyAndTokenAndReplacedByVersion() {
    SaleRecords r = records();
    String key = unique("o");
    SaleOrder o = order(key, SaleState.CHECKED, T0);
    assertThat(r.insertOrder(o)).isTrue();
    assertThat(r.insertOrder(o)).isFalse();
    assertThat(r.order(key)).contains(o);
    assertThat(r.orderByToken(o.tokenHash())).contains(o);

    SaleOrder next = o.with(SaleState.RESERVED, "s-1", null, null, 0, T0.plusSeconds(1));
    assertThat(r.replaceOrder(o, next)).isTrue();
    assertThat(r.replaceOrder(o, o.to(SaleState.AUTHORIZING, T0))).as("stale version").isFalse();
    SaleOrder refused = next.refused(PurchaseRefusal.SOLD_OUT, T0.plusSeconds(2));
    assertThat(r.replaceOrder(next, refused)).isTrue();
    assertThat(r.order(key)).contains(refused);
    SaleOrder refunding = refused.refunding("r-1", 5, 7, T0.plusSeconds(3));
    assertThat(r.replaceOrder(refused, refunding)).isTrue();
    assertThat(r.order(key)).contains(refunding);
  }

  @Test
  void ordersArePagedEachOnceInEveryState() {
    SaleRecords r = records();
    String prefix = unique("p");
    List<SaleOrder> mine = new ArrayList<>();
    for (SaleState state :
        List.of(SaleState.CHECKED, SaleState.DELIVERED, SaleState.REFUSED, SaleState.REFUNDED)) {
      SaleOrder o = order(prefix + "-" + state, state, T0);
      r.insertOrder(o);
      mine.add(o);
    }
    List<SaleOrder> listed = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    String after = "";
    while (true) {
      List<SaleOrder> page = r.orders(after, 2);
      for (SaleOrder o : page) {
        assertThat(keys.add(o.key())).as("listed once: " + o.key()).isTrue();
        if (o.key().startsWith(prefix)) {
          listed.add(o);
        }
        after = o.key();
      }
      if (page.size() < 2) {
        break;
      }
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(mine);
    assertThat(r.orders(after, 10)).isEmpty();
    assertThat(r.orders("", 0)).isEmpty();
  }

  @Test
  void unfinishedListsOnlyOpenOrdersLeftSinceTheTimeGiven() {
    SaleRecords r = records();
    Instant old = T0.minusSeconds(100_000 + new java.util.Random().nextInt(1000));
    SaleOrder open = order(unique("o"), SaleState.CAPTURING, old);
    SaleOrder done = order(unique("o"), SaleState.DELIVERED, old);
    SaleOrder fresh = order(unique("o"), SaleState.AUTHORIZED, T0);
    r.insertOrder(open);
    r.insertOrder(done);
    r.insertOrder(fresh);
    List<SaleOrder> found = r.unfinished(T0.minusSeconds(10), 1_000);
    assertThat(found).contains(open).doesNotContain(done, fresh);
  }

  @Test
  void guessesLockTheTokenAtTheLimitUntilTheLockRunsOut() {
    SaleRecords r = records();
    String token = Secrets.sha256Hex(unique("t"));
    Duration lock = Duration.ofMinutes(10);
    assertThat(r.takeGuess(token, 3, T0, lock)).isTrue();
    assertThat(r.takeGuess(token, 3, T0, lock)).isTrue();
    assertThat(r.takeGuess(token, 3, T0, lock)).as("the third guess is taken, and locks").isTrue();
    assertThat(r.takeGuess(token, 3, T0.plusSeconds(599), lock)).isFalse();
    assertThat(r.takeGuess(token, 3, T0.plusSeconds(600), lock)).isTrue();
    r.clearGuesses(token);
    assertThat(r.takeGuess(token, 1, T0, lock)).isTrue();
    assertThat(r.takeGuess(token, 1, T0, lock)).isFalse();
  }

  @Test
  void purgeForgetsOnlyTokensLeftAloneAndNotLocked() {
    SaleRecords r = records();
    Duration lock = Duration.ofMinutes(10);
    Instant t = T0.minus(Duration.ofDays(2)); // before every other test's guesses, kept by purges
    String idle = Secrets.sha256Hex(unique("t"));
    String locked = Secrets.sha256Hex(unique("t"));
    String recent = Secrets.sha256Hex(unique("t"));
    r.takeGuess(idle, 3, t, lock);
    r.takeGuess(idle, 3, t, lock);
    for (int i = 0; i < 3; i++) {
      r.takeGuess(locked, 3, t, lock);
    }
    r.takeGuess(recent, 3, t.plus(Duration.ofMinutes(20)), lock);

    assertThat(r.purgeGuesses(t.plus(Duration.ofMinutes(5)))).isEqualTo(1);
    Instant later = t.plus(Duration.ofMinutes(6));
    assertThat(r.takeGuess(locked, 3, later, lock)).as("still locked").isFalse();
    assertThat(r.takeGuess(idle, 3, later, lock)).isTrue();
    assertThat(r.takeGuess(idle, 3, later, lock))
        .as("the idle token's count started again (kept, this guess would find it locked)")
        .isTrue();
    assertThat(r.purgeGuesses(t.plus(Duration.ofMinutes(30))))
        .as("the lock ran out and the recent guess is old now; the idle token was guessed at 6")
        .isEqualTo(3);
    assertThat(r.purgeGuesses(t.plus(Duration.ofMinutes(30)))).isZero();
  }

  @Test
  void concurrentGuessesNeverExceedTheLimit() throws Exception {
    SaleRecords r = records();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      // several rounds: the races are around the row's first insert and the locking guess
      for (int round = 0; round < 5; round++) {
        String token = Secrets.sha256Hex(unique("t"));
        List<Callable<Boolean>> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          guesses.add(() -> r.takeGuess(token, 5, T0, Duration.ofMinutes(10)));
        }
        int taken = 0;
        for (Future<Boolean> f : pool.invokeAll(guesses)) {
          taken += f.get() ? 1 : 0;
        }
        assertThat(taken).as("guesses taken in round %d", round).isEqualTo(5);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
