package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** Tamper evidence on Sqlite. */
class SqliteTamperEvidenceTest extends TamperEvidenceBase {
  @Override
  HikariDataSource newPool() {
    return TestDatabases.sqlitePool(TestDatabases.newSqliteUrl("tamper"), THREADS + 2);
  }
}
