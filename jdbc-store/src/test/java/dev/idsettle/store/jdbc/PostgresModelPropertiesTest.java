package dev.idsettle.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** Random operation sequences on a durable PostgreSQL agree with the reference model. */
class PostgresModelPropertiesTest extends JdbcModelProperties {
  @Override
  HikariDataSource newPool() {
    return TestDatabases.newPostgresPool(2);
  }
}
