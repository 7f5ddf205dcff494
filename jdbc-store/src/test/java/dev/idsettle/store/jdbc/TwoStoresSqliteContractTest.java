package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.tck.ConcurrentLedgerStoreContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The concurrent TCK with every call alternating between two stores over two pools on one SQLite
 * file, in the process-crash durability: the stores of one JVM share the file's writer.
 */
class TwoStoresSqliteContractTest extends ConcurrentLedgerStoreContract {
  static HikariDataSource poolA;
  static HikariDataSource poolB;
  static CountingStore store;

  @BeforeAll
  static void open() {
    String url = TestDatabases.newSqliteUrl("two");
    poolA = TestDatabases.sqlitePool(url, THREADS);
    poolB = TestDatabases.sqlitePool(url, THREADS);
    SchemaMigrator.of(poolA).migrate();
    store =
        new CountingStore(
            List.of(
                JdbcStore.builder(poolA).sqliteDurability(SqliteDurability.PROCESS_CRASH).build(),
                JdbcStore.builder(poolB).sqliteDurability(SqliteDurability.PROCESS_CRASH).build()));
  }

  @AfterAll
  static void close() {
    poolA.close();
    poolB.close();
  }

  @Override
  protected LedgerStore newStore() {
    return store;
  }
}
