package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.LedgerTx.Changes;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The SQL layer on a SQLite file database under target/. */
class SqliteStoreTest extends JdbcStoreContractBase {
  static HikariDataSource pool;

  @BeforeAll
  static void open() {
    pool = TestDatabases.sqlitePool(TestDatabases.newSqliteUrl("store"), 4);
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

  @Test
  void detectsSqlite() {
    assertThat(store.dialect()).isEqualTo(SqlDialect.SQLITE);
  }

  /** Every transaction holds the write lock from its start, so believed images are safe. */
  @Test
  void sqliteTakesBelievedImages() {
    assertThat(store.takesBelievedImages()).isTrue();
  }

  /**
   * The store runs in the mode it was asked for, read back from the connection it wrote on (a pool
   * of one, whose connection opens with synchronous OFF and foreign keys off, so nothing but the
   * store can have set them).
   */
  @ParameterizedTest
  @EnumSource(SqliteDurability.class)
  void writesInTheDurabilityAskedFor(SqliteDurability durability) throws SQLException {
    String url = TestDatabases.newSqliteUrl("pragmas");
    try (HikariDataSource one =
        TestDatabases.sqlitePool(url + "?synchronous=OFF&foreign_keys=false", 1)) {
      SchemaMigrator.of(one).migrate();
      assertThat(pragma(one, "synchronous")).isEqualTo("0");
      assertThat(pragma(one, "foreign_keys")).isEqualTo("0");
      JdbcStore sqlite = JdbcStore.builder(one).sqliteDurability(durability).build();
      new Fixture(Ledger.over(sqlite)).activeIds(1, 100);

      assertThat(pragma(one, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(one, "synchronous"))
          .isEqualTo(String.valueOf(durability.synchronousLevel()));
      assertThat(pragma(one, "foreign_keys")).isEqualTo("1");
    }
  }

  private static String pragma(HikariDataSource ds, String name) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** A transfer whose account does not exist is refused by the database's foreign key. */
  @Test
  void aTransferToNoAccountIsRefusedByTheForeignKey() {
    AccountId id = f.activeIds(1, 100).get(0);
    Transfer orphan =
        new Transfer(
            TransferId.random(),
            AccountId.random(),
            f.revenue,
            1,
            TransferKind.POST,
            null,
            null,
            HoldState.NONE,
            null,
            "orphan",
            START);
    assertThatThrownBy(
            () ->
                store.transact(
                    tx -> {
                      tx.lock(List.of(id), List.of());
                      tx.write(new Changes(List.of(), List.of(orphan), List.of()));
                      return true;
                    }))
        .isInstanceOf(StoreException.class)
        .isNotInstanceOf(RetryableStoreException.class)
        .hasMessageContaining("constraint");
    assertThat(ledger.transfer(orphan.id())).isEmpty();
  }

  /**
   * The tables are STRICT and keep the checks that guard money: an overdraft or a 64-bit overflow
   * written past the store fails the statement instead of being stored (an ordinary SQLite table
   * would store the overflow as a float).
   */
  @Test
  void theDatabaseRefusesAnOverdraftAndAnOverflow() throws SQLException {
    AccountId id = f.activeIds(1, 100).get(0);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "UPDATE idsettle_account SET reserved = posted + 1 WHERE id = " + id.value()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("idsettle_account_available_not_negative");
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "UPDATE idsettle_account SET posted = posted + 9223372036854775807"
                          + " WHERE id = "
                          + id.value()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("SQLITE_CONSTRAINT_DATATYPE");
      try (ResultSet rs =
          s.executeQuery("SELECT strict FROM pragma_table_list WHERE name LIKE 'idsettle_%'")) {
        int tables = 0;
        while (rs.next()) {
          assertThat(rs.getInt(1)).isEqualTo(1);
          tables++;
        }
        assertThat(tables).isEqualTo(4);
      }
    }
    assertThat(ledger.account(id).orElseThrow().available()).isEqualTo(100);
    assertThat(ledger.submit(LedgerBatch.create().add(f.debit(id, 100))).get(0).applied()).isTrue();
  }

  /** An in-memory database would be a new one on every connection of the pool: refused. */
  @Test
  void anInMemoryDatabaseIsRefused() {
    try (HikariDataSource memory = TestDatabases.sqlitePool("jdbc:sqlite::memory:", 1)) {
      SchemaMigrator.of(memory).migrate();
      assertThatThrownBy(() -> JdbcStore.builder(memory).build())
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("not a file in WAL mode");
    }
  }
}
