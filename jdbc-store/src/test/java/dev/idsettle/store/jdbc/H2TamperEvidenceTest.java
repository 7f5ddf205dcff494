package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** Tamper evidence on H2. */
class H2TamperEvidenceTest extends TamperEvidenceBase {
  @Override
  HikariDataSource newPool() {
    return TestDatabases.h2Pool(TestDatabases.newH2Url("tamper"), THREADS + 2);
  }
}
