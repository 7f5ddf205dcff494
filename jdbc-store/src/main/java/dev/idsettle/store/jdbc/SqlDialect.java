package dev.idsettle.store.jdbc;

/** The SQL dialects the store speaks. */
public enum SqlDialect {
  /**
   * SQLite 3.41 or newer through {@code org.xerial:sqlite-jdbc}, an embedded file database: the
   * embedded default, power-safe unless told otherwise ({@link SqliteDurability}).
   */
  SQLITE,
  /** H2 2.x, typically an embedded file database ({@code jdbc:h2:file:...}). */
  H2,
  /**
   * PostgreSQL 12 or newer, and databases that speak its dialect and wire protocol (CockroachDB,
   * YugabyteDB): see the module's README for what they need.
   */
  POSTGRESQL
}
