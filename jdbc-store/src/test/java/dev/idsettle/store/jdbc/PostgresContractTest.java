package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.tck.DurableLedgerStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole store TCK on a real, durable PostgreSQL at READ COMMITTED. */
class PostgresContractTest extends DurableLedgerStoreContract {
  static HikariDataSource pool;
  static JdbcStore store;

  @BeforeAll
  static void open() {
    pool = TestDatabases.newPostgresPool(THREADS + 2);
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

  /** A new pool and store on the same database: nothing but what was committed carries over. */
  @Override
  protected LedgerStore reopen(LedgerStore old) {
    String url = pool.getJdbcUrl();
    pool.close();
    pool = TestDatabases.postgresPool(url, THREADS + 2);
    store = JdbcStore.builder(pool).build();
    return store;
  }
}
