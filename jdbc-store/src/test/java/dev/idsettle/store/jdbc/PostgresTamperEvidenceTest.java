package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** Tamper evidence on Postgres. */
class PostgresTamperEvidenceTest extends TamperEvidenceBase {
  @Override
  HikariDataSource newPool() {
    return TestDatabases.newPostgresPool(THREADS + 2);
  }
}
