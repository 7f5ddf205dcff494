package dev.idsettle.sales;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.store.jdbc.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on Postgres, in tables the records create themselves. */
class PostgresSaleRecordsTest extends SaleRecordsContract {
  static HikariDataSource pool;
  static SaleRecords records;

  @BeforeAll
  static void open() {
    pool = TestDatabases.postgres();
    records = JdbcSaleRecords.create(pool);
    JdbcSaleRecords.create(pool); // creating twice is harmless
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @Override
  SaleRecords records() {
    return records;
  }
}
