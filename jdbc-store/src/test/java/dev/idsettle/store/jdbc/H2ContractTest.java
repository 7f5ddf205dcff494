package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.tck.DurableLedgerStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole store TCK on an H2 file database; reopening closes the pool and opens the file again.
 */
class H2ContractTest extends DurableLedgerStoreContract {
  static String url = "";
  static HikariDataSource pool;
  static JdbcStore store;

  @BeforeAll
  static void open() {
    url = TestDatabases.newH2Url("tck");
    pool = TestDatabases.h2Pool(url, THREADS + 2);
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
    pool = TestDatabases.h2Pool(url, THREADS + 2);
    store = JdbcStore.builder(pool).build();
    return store;
  }
}
