package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.tck.ConcurrentLedgerStoreContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The concurrent TCK with every call alternating between two stores over two pools on one H2 file
 * database (H2 lets one process open a file, so two pools stand in for two processes).
 */
class TwoStoresH2ContractTest extends ConcurrentLedgerStoreContract {
  static HikariDataSource poolA;
  static HikariDataSource poolB;
  static CountingStore store;

  @BeforeAll
  static void open() {
    String url = TestDatabases.newH2Url("two");
    poolA = TestDatabases.h2Pool(url, THREADS);
    poolB = TestDatabases.h2Pool(url, THREADS);
    SchemaMigrator.of(poolA).migrate();
    store =
        new CountingStore(
            List.of(JdbcStore.builder(poolA).build(), JdbcStore.builder(poolB).build()));
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
