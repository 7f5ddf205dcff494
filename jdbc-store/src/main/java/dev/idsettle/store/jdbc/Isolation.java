package dev.idsettle.store.jdbc;

import java.sql.Connection;

/**
 * The transaction isolation the store runs its transactions at. The store locks every account it
 * changes with {@code SELECT ... FOR UPDATE}, so {@link #READ_COMMITTED} is enough for correctness;
 * stronger levels work too, at the price of serialization failures that the ledger retries.
 */
public enum Isolation {
  /** Row locks make it safe; the fewest conflicts. The default. */
  READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
  /** Snapshot reads; conflicting writers fail with SQLSTATE 40001 and are retried. */
  REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
  /**
   * Full serializability, the default of CockroachDB and YugabyteDB's strongest level; conflicts
   * fail with SQLSTATE 40001 and are retried by the ledger.
   */
  SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

  private final int jdbcLevel;

  Isolation(int jdbcLevel) {
    this.jdbcLevel = jdbcLevel;
  }

  /** The {@link Connection} constant of this level. */
  public int jdbcLevel() {
    return jdbcLevel;
  }
}
