package dev.idsettle.store.jdbc;

/** The SQL dialects the store speaks. */
public enum SqlDialect {
  /** H2 2.x, typically an embedded file database ({@code jdbc:h2:file:...}). */
  H2,
  /**
   * PostgreSQL 12 or newer, and databases that speak its dialect and wire protocol (CockroachDB,
   * YugabyteDB): see the module's README for what they need.
   */
  POSTGRESQL
}
