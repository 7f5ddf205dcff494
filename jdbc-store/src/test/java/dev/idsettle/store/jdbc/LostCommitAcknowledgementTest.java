package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.spi.StoreException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A commit whose acknowledgement is lost (the connection breaks after the database committed) is
 * reported as "may have committed", and submitting the same transfer ids again tells the outcome.
 */
class LostCommitAcknowledgementTest {

  @Test
  void lostAcknowledgementIsUnknownAndAReplayResolvesIt() {
    try (HikariDataSource pool = TestDatabases.newPostgresPool(2)) {
      lostAcknowledgementOn(pool);
    }
  }

  /** On SQLite the store sends {@code COMMIT} as a statement of its own. */
  @Test
  void lostAcknowledgementOnSqlite() {
    try (HikariDataSource pool =
        TestDatabases.sqlitePool(TestDatabases.newSqliteUrl("lost-ack"), 2)) {
      lostAcknowledgementOn(pool);
    }
  }

  private static void lostAcknowledgementOn(HikariDataSource pool) {
    SchemaMigrator.of(pool).migrate();
    AtomicBoolean breakNextCommit = new AtomicBoolean();
    JdbcStore store = JdbcStore.builder(breaking(pool, breakNextCommit)).build();
    Ledger ledger = Ledger.over(store);
    Fixture f = new Fixture(ledger);
    AccountId id = f.activeIds(1, 100).get(0);
    LedgerCommand debit = f.debit(id, 40);

    breakNextCommit.set(true);
    assertThatThrownBy(() -> ledger.submit(LedgerBatch.create().add(debit)))
        .isInstanceOfSatisfying(
            StoreException.class, e -> assertThat(e.mayHaveCommitted()).isTrue())
        .hasMessageContaining("outcome is unknown");

    CommandResult again = ledger.submit(LedgerBatch.create().add(debit)).get(0);
    assertThat(again.replayed()).isTrue();
    assertThat(ledger.account(id).orElseThrow().posted()).isEqualTo(60);
  }

  /**
   * Connections whose commit, when armed, commits and then fails as a lost link: the connection's
   * own commit, a statement that carries {@code COMMIT} in its round trip, or a plain statement
   * that is {@code COMMIT} (SQLite).
   */
  private static DataSource breaking(DataSource delegate, AtomicBoolean armed) {
    ClassLoader loader = LostCommitAcknowledgementTest.class.getClassLoader();
    return new WrappingDataSource(
        delegate,
        real ->
            (Connection)
                Proxy.newProxyInstance(
                    loader,
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                      Object result = WrappingDataSource.invoke(method, real, args);
                      if (method.getName().equals("commit")) {
                        breakIfArmed(armed);
                      }
                      if (method.getName().equals("prepareStatement")
                          && ((String) args[0]).endsWith("; COMMIT")) {
                        PreparedStatement statement = (PreparedStatement) result;
                        return Proxy.newProxyInstance(
                            loader,
                            new Class<?>[] {PreparedStatement.class},
                            (p, m, a) -> {
                              Object r = WrappingDataSource.invoke(m, statement, a);
                              if (m.getName().equals("execute")) {
                                breakIfArmed(armed);
                              }
                              return r;
                            });
                      }
                      if (method.getName().equals("createStatement")) {
                        Statement statement = (Statement) result;
                        return Proxy.newProxyInstance(
                            loader,
                            new Class<?>[] {Statement.class},
                            (p, m, a) -> {
                              Object r = WrappingDataSource.invoke(m, statement, a);
                              if (m.getName().startsWith("execute")
                                  && a != null
                                  && a.length > 0
                                  && "COMMIT".equals(a[0])) {
                                breakIfArmed(armed);
                              }
                              return r;
                            });
                      }
                      return result;
                    }));
  }

  private static void breakIfArmed(AtomicBoolean armed) throws SQLException {
    if (armed.compareAndSet(true, false)) {
      throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
    }
  }
}
