package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** Random operation sequences on a SQLite file database agree with the reference model. */
class SqliteModelPropertiesTest extends JdbcModelProperties {
  @Override
  HikariDataSource newPool() {
    return TestDatabases.sqlitePool(TestDatabases.newSqliteUrl("model"), 2);
  }
}
