package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.tck.DurableLedgerStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole store TCK on a SQLite file database, power-safe (the default); reopening closes the
 * pool and opens the file again.
 */
class SqliteContractTest extends DurableLedgerStoreContract {
  static String url = "";
  static HikariDataSource pool;
  static JdbcStore store;

  @BeforeAll
  static void open() {
    url = TestDatabases.newSqliteUrl("tck");
    pool = TestDatabases.sqlitePool(url, THREADS + 2);
    SchemaMigrator.of(pool).migrate();
    store = JdbcStore.builder(pool).build();
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @Override
  protected LedgerStore newStore() {
    return store;
  }

  @Override
  protected LedgerStore reopen(LedgerStore old) {
    pool.close();
    pool = TestDatabases.sqlitePool(url, THREADS + 2);
    store = JdbcStore.builder(pool).build();
    return store;
  }
}
