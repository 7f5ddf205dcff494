package dev.idsettle.store.jdbc;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.store.jdbc.internal.Failures;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQL layer on a real, durable PostgreSQL. */
class PostgresStoreTest extends JdbcStoreContractBase {
  static HikariDataSource pool;

  @BeforeAll
  static void open() {
    pool = TestDatabases.newPostgresPool(4);
    SchemaMigrator.of(pool).migrate();
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @Override
  JdbcStore store() {
    return JdbcStore.builder(pool).build();
  }

  /**
   * Every write runs on a cached generic plan, and the pooled connection, which the user may share,
   * keeps its own setting. A batch's statements take arrays, whose generic plan PostgreSQL would
   * never choose by itself, so its first statement (the lock read, or the write when the core's
   * believed images spare the read) asks for it, for the store's own transaction only. The write of
   * one transfer takes plain parameters and needs no asking: PostgreSQL plans its first five
   * executions and then keeps the generic plan.
   */
  @Test
  void writesUseCachedPlansWithoutChangingTheConnection() throws SQLException {
    List<AccountId> ids = f.activeIds(3, 1_000);
    try (HikariDataSource one = TestDatabases.postgresPool(pool.getJdbcUrl(), 1)) {
      Ledger onOne = Ledger.builder(JdbcStore.builder(one).build()).clock(clock).build();
      debitAloneAndInTwos(onOne, ids, 20);
      try (Connection c = one.getConnection();
          Statement s = c.createStatement()) {
        assertThat(single(s, "SHOW plan_cache_mode")).isEqualTo("auto");

        // the driver prepares a statement on the server from its fifth execution on; each kind of
        // batch reads under lock once, and is judged by the images it left from then on
        String plans =
            "SELECT coalesce(sum(generic_plans), 0) || ' generic, '"
                + " || coalesce(sum(custom_plans), 0) || ' custom' FROM pg_prepared_statements"
                + " WHERE statement LIKE ";
        assertThat(single(s, plans + "'%WITH t AS (INSERT INTO idsettle_transfer % VALUES %'"))
            .as("the 19 writes of one debit judged by believed images, each alone")
            .isEqualTo("10 generic, 5 custom");
        assertThat(
                single(
                    s,
                    plans
                        + "'%FOR NO KEY UPDATE' OR statement LIKE '%WITH t AS (INSERT INTO"
                        + " idsettle_transfer % unnest%'"))
            .as("the 19 writes of two debits that carry the setting (the first follows the read)")
            .isEqualTo("15 generic, 0 custom");
      }
    }
    assertThat(ledger.account(ids.get(0)).orElseThrow().posted()).isEqualTo(980);
    assertThat(ledger.account(ids.get(2)).orElseThrow().posted()).isEqualTo(980);
  }

  /**
   * A lone debit judged by believed images sends one statement and nothing else, so it runs in
   * auto-commit mode as a transaction of its own, without {@code BEGIN} and {@code COMMIT}; a batch
   * of two debits is an explicit transaction whose write carries the {@code COMMIT}. Either way the
   * pooled connection goes back in the mode the pool gave it.
   */
  @ParameterizedTest(name = "pool in auto-commit: {0}")
  @ValueSource(booleans = {true, false})
  void aLoneWriteCommitsItselfAndTheConnectionKeepsItsMode(boolean poolAutoCommit)
      throws SQLException {
    List<AccountId> ids = f.activeIds(3, 1_000);
    try (HikariDataSource one = TestDatabases.postgresPool(pool.getJdbcUrl(), 1, poolAutoCommit)) {
      List<String> prepared = new ArrayList<>();
      Ledger onOne =
          Ledger.builder(JdbcStore.builder(watching(one, prepared)).build()).clock(clock).build();
      // the first debit of each kind reads under lock; the second is judged by believed images
      debitAloneAndInTwos(onOne, ids, 2);
      List<String> writes = prepared.stream().filter(p -> p.contains("WITH t AS")).toList();
      assertThat(writes).hasSize(4);
      assertThat(writes.get(0)).startsWith("manual: WITH").endsWith("; COMMIT");
      assertThat(writes.get(1)).startsWith("manual: WITH").endsWith("; COMMIT");
      assertThat(writes.get(2)).startsWith("auto: WITH").doesNotContain("COMMIT");
      assertThat(writes.get(3)).startsWith("manual: SET LOCAL").endsWith("; COMMIT");
      try (Connection c = one.getConnection()) {
        assertThat(c.getAutoCommit()).isEqualTo(poolAutoCommit);
      }
    }
    assertThat(ledger.account(ids.get(0)).orElseThrow().posted()).isEqualTo(998);
    assertThat(ledger.account(ids.get(2)).orElseThrow().posted()).isEqualTo(998);
  }

  /**
   * {@code rounds} times: debits the first of {@code ids} in a batch of its own, then the second
   * and third together, one each.
   */
  private void debitAloneAndInTwos(Ledger onOne, List<AccountId> ids, int rounds) {
    for (int i = 0; i < rounds; i++) {
      assertThat(onOne.submit(LedgerBatch.create().add(f.debit(ids.get(0), 1))).get(0).applied())
          .isTrue();
      LedgerBatch two =
          LedgerBatch.create().add(f.debit(ids.get(1), 1)).add(f.debit(ids.get(2), 1));
      assertThat(onOne.submit(two)).allMatch(CommandResult::applied);
    }
  }

  /**
   * {@code ds}, noting each statement prepared, after the connection's mode: "auto: " or "manual:
   * ".
   */
  private static DataSource watching(DataSource ds, List<String> prepared) {
    return (DataSource)
        Proxy.newProxyInstance(
            PostgresStoreTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, ds, args);
              if (!(result instanceof Connection c)) {
                return result;
              }
              return Proxy.newProxyInstance(
                  PostgresStoreTest.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("prepareStatement")) {
                      prepared.add((c.getAutoCommit() ? "auto: " : "manual: ") + a[0]);
                    }
                    return invoke(m, c, a);
                  });
            });
  }

  private static @Nullable Object invoke(Method method, Object target, @Nullable Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw requireNonNull(e.getCause());
    }
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getString(1);
    }
  }

  /**
   * A real deadlock (SQLSTATE 40P01) in which PostgreSQL makes the store's transaction the victim
   * is a conflict with nothing committed: the ledger runs the batch again and the debit applies
   * once. Both ways a debit takes its row locks are tried: the write guarded by believed images,
   * whose failure comes back with the {@code COMMIT} sent in the same round trip and must still not
   * read as an unknown outcome, and the locked read of a ledger without images.
   */
  @ParameterizedTest(name = "believed images: {0}")
  @ValueSource(booleans = {true, false})
  void aDeadlockVictimIsRetriedAndAppliesOnce(boolean believedImages) throws Exception {
    // the victim is the backend whose deadlock check runs first: the store's, 3 s after it began
    // to wait, long before the other transaction's (1 min)
    try (HikariDataSource storePool =
        TestDatabases.postgresPool(pool.getJdbcUrl(), 2, "SET deadlock_timeout = '3s'")) {
      CountingStore counting = new CountingStore(List.of(JdbcStore.builder(storePool).build()));
      Ledger warm = Ledger.builder(counting).clock(clock).build();
      Fixture here = new Fixture(warm);
      AccountId id = here.activeIds(1, 1_000).get(0);
      // leaves the ledger an image of both accounts of the debit
      assertThat(warm.submit(LedgerBatch.create().add(here.debit(id, 1))).get(0).applied())
          .isTrue();
      Ledger debiting = believedImages ? warm : Ledger.builder(counting).clock(clock).build();
      long lower = Math.min(id.value(), here.revenue.value());
      long higher = Math.max(id.value(), here.revenue.value());

      try (Connection other = pool.getConnection();
          Connection monitor = pool.getConnection()) {
        other.setAutoCommit(false);
        try (Statement s = other.createStatement()) {
          s.execute("SET LOCAL deadlock_timeout = '1min'");
        }
        lockRow(other, higher);
        // the store locks in id order: it takes the lower row and waits for the higher
        CompletableFuture<CommandResult> debit =
            CompletableFuture.supplyAsync(
                () -> debiting.submit(LedgerBatch.create().add(here.debit(id, 7))).get(0));
        awaitLockWait(monitor);
        // closes the cycle; returns once PostgreSQL has aborted the store's transaction
        lockRow(other, lower);
        other.commit();

        assertThat(debit.get(60, TimeUnit.SECONDS).applied()).isTrue();
      }
      assertThat(counting.conflicts)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getCause()).isInstanceOf(SQLException.class);
                assertThat(Failures.sqlState((SQLException) requireNonNull(e.getCause())))
                    .isEqualTo("40P01");
                assertThat(e.mayHaveCommitted()).isFalse();
                // which statement the deadlock hit: the write that carried the commit, or the read
                assertThat(String.valueOf(e.getMessage()).startsWith("the commit"))
                    .isEqualTo(believedImages);
              });
      assertThat(warm.account(id).orElseThrow().posted()).isEqualTo(992);
      assertThat(warm.account(here.revenue).orElseThrow().posted()).isEqualTo(8);
      assertThat(warm.transfers(id, 0, 10)).hasSize(3);
    }
  }

  private static void lockRow(Connection c, long accountId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM idsettle_account WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, accountId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("account %s", accountId).isTrue();
      }
    }
  }

  /** Returns once some backend of this database waits for a lock (30 s at most). */
  private static void awaitLockWait(Connection monitor) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (Statement s = monitor.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT count(*) FROM pg_stat_activity"
                      + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the store's transaction never waited for the locked row");
      }
      Thread.sleep(5);
    }
  }

  /**
   * Schema V3 keeps on PostgreSQL only the checks that guard money (PostgreSQL prepares every check
   * for each statement), and the database itself still refuses an overdraft written past the store.
   */
  @Test
  void theDatabaseKeepsTheChecksThatGuardMoney() throws SQLException {
    AccountId id = f.activeIds(1, 100).get(0);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      List<String> checks = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT conname FROM pg_constraint WHERE contype = 'c'"
                  + " AND conrelid IN ('idsettle_account'::regclass, 'idsettle_transfer'::regclass)"
                  + " ORDER BY conname")) {
        while (rs.next()) {
          checks.add(rs.getString(1));
        }
      }
      assertThat(checks)
          .containsExactly(
              "idsettle_account_available_not_negative",
              "idsettle_account_reserved_not_negative",
              "idsettle_transfer_amount_not_negative",
              "idsettle_transfer_open_hold_has_timeout");

      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "UPDATE idsettle_account SET reserved = posted + 1 WHERE id = " + id.value()))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"))
          .hasMessageContaining("idsettle_account_available_not_negative");
    }
    assertThat(ledger.account(id).orElseThrow().available()).isEqualTo(100);
  }

  /** PostgreSQL takes the ledger's believed account images. */
  @Test
  void postgresTakesBelievedImages() {
    assertThat(store.takesBelievedImages()).isTrue();
  }
}
