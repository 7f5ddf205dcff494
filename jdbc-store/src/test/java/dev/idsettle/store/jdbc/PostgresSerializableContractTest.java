package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.tck.ConcurrentLedgerStoreContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The concurrent TCK once more with every transaction at SERIALIZABLE (the default of CockroachDB
 * and YugabyteDB), by two stores over two pools as two processes would be: real serialization
 * failures (40001) happen, and the ledger's retries must absorb them.
 */
class PostgresSerializableContractTest extends ConcurrentLedgerStoreContract {
  static HikariDataSource poolA;
  static HikariDataSource poolB;
  static CountingStore store;

  @BeforeAll
  static void open() {
    poolA = TestDatabases.newPostgresPool(THREADS);
    SchemaMigrator.of(poolA).migrate();
    poolB = TestDatabases.postgresPool(poolA.getJdbcUrl(), THREADS);
    store =
        new CountingStore(
            List.of(
                JdbcStore.builder(poolA).isolation(Isolation.SERIALIZABLE).build(),
                JdbcStore.builder(poolB).isolation(Isolation.SERIALIZABLE).build()));
  }

  @AfterAll
  static void retriesHappenedAndClose() {
    try {
      System.out.printf(
          "[SERIALIZABLE] %d conflicts retried in %d transactions%n",
          store.conflicts.size(), store.transactions.get());
      assertThat(store.conflicts.size()).as("serialization failures retried").isPositive();
    } finally {
      poolA.close();
      poolB.close();
    }
  }

  @Override
  protected LedgerStore newStore() {
    return store;
  }
}
