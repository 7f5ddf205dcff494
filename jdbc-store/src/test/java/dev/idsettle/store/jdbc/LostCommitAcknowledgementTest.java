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
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
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
    JdbcStore store = JdbcStore.builder(new BreakingDataSource(pool, breakNextCommit)).build();
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
   * Hands out connections whose commit, when armed, commits and then fails as a lost link: the
   * connection's own commit, a statement that carries {@code COMMIT} in its round trip, or a plain
   * statement that is {@code COMMIT} (SQLite).
   */
  private record BreakingDataSource(DataSource delegate, AtomicBoolean armed)
      implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      Connection real = delegate.getConnection();
      return (Connection)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                Object result = invoke(method, real, args);
                if (method.getName().equals("commit")) {
                  breakIfArmed();
                }
                if (method.getName().equals("prepareStatement")
                    && ((String) args[0]).endsWith("; COMMIT")) {
                  PreparedStatement statement = (PreparedStatement) result;
                  return Proxy.newProxyInstance(
                      getClass().getClassLoader(),
                      new Class<?>[] {PreparedStatement.class},
                      (p, m, a) -> {
                        Object r = invoke(m, statement, a);
                        if (m.getName().equals("execute")) {
                          breakIfArmed();
                        }
                        return r;
                      });
                }
                if (method.getName().equals("createStatement")) {
                  Statement statement = (Statement) result;
                  return Proxy.newProxyInstance(
                      getClass().getClassLoader(),
                      new Class<?>[] {Statement.class},
                      (p, m, a) -> {
                        Object r = invoke(m, statement, a);
                        if (m.getName().startsWith("execute")
                            && a != null
                            && a.length > 0
                            && "COMMIT".equals(a[0])) {
                          breakIfArmed();
                        }
                        return r;
                      });
                }
                return result;
              });
    }

    private void breakIfArmed() throws SQLException {
      if (armed.compareAndSet(true, false)) {
        throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
      }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLException("not used");
    }

    @Override
    public PrintWriter getLogWriter() {
      return new PrintWriter(System.err);
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
