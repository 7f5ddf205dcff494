package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** Random operation sequences on an H2 file database agree with the reference model. */
class H2ModelPropertiesTest extends JdbcModelProperties {
  @Override
  HikariDataSource newPool() {
    return TestDatabases.h2Pool(TestDatabases.newH2Url("model"), 2);
  }
}
