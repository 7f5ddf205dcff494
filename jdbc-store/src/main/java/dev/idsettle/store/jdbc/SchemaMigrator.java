package dev.idsettle.store.jdbc;

import dev.idsettle.spi.StoreException;
import dev.idsettle.store.jdbc.internal.Dialect;
import dev.idsettle.store.jdbc.internal.Failures;
import dev.idsettle.store.jdbc.internal.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Creates or upgrades the ledger's tables. Call {@link #migrate()} once at start-up, before {@link
 * JdbcStore.Builder#build()}; or have a DBA apply the DDL files published in the jar under {@code
 * dev/idsettle/store/jdbc/schema/{sqlite,h2,postgresql}/} (exactly what this class applies, see
 * {@link #ddl}).
 *
 * <pre>{@code
 * SchemaMigrator.of(dataSource).migrate();
 * LedgerStore store = JdbcStore.builder(dataSource).build();
 * }</pre>
 */
public final class SchemaMigrator {
  /** Serializes migrations within this JVM (H2 runs DDL outside transactions). */
  private static final Object LOCK = new Object();

  private final DataSource dataSource;
  private final @Nullable SqlDialect dialect;

  private SchemaMigrator(DataSource dataSource, @Nullable SqlDialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** A migrator for the database behind {@code dataSource}, its dialect detected. */
  public static SchemaMigrator of(DataSource dataSource) {
    return new SchemaMigrator(Settings.notNull(dataSource, "dataSource"), null);
  }

  /** The same migrator with the dialect set instead of detected. */
  public SchemaMigrator dialect(SqlDialect dialect) {
    return new SchemaMigrator(dataSource, Settings.notNull(dialect, "dialect"));
  }

  /** The schema version this library needs. */
  public static int currentVersion() {
    return Schema.CURRENT_VERSION;
  }

  /** The DDL of schema {@code version} for {@code dialect}, as published in the jar. */
  public static String ddl(SqlDialect dialect, int version) {
    return Schema.ddl(Dialect.of(dialect, H2Durability.AS_CONFIGURED), version);
  }

  /** The version installed in the database, 0 if none. */
  public int installedVersion() {
    try (Connection c = connect()) {
      return Schema.installedVersion(c, resolve(c));
    } catch (SQLException e) {
      throw Failures.beforeCommit("reading the schema version", e);
    }
  }

  /**
   * Applies the schema versions the database lacks; does nothing if it is current. Safe to call on
   * every start-up; when several processes start at once, the ones that lose the race find the
   * schema current.
   *
   * @return the version now installed
   * @throws StoreException if the database is unreachable, refuses the DDL, or holds a newer schema
   */
  public int migrate() {
    synchronized (LOCK) {
      try (Connection c = connect()) {
        Dialect d = resolve(c);
        try {
          return Schema.migrate(c, d);
        } catch (SQLException e) {
          // a concurrent migrator may have won the race: then the schema is current
          if (Schema.installedVersion(c, d) == Schema.CURRENT_VERSION) {
            return Schema.CURRENT_VERSION;
          }
          throw e;
        }
      } catch (SQLException e) {
        throw Failures.beforeCommit("migrating the idsettle schema", e);
      }
    }
  }

  private Connection connect() {
    return JdbcStore.connect(dataSource);
  }

  private Dialect resolve(Connection c) throws SQLException {
    return Dialect.of(dialect != null ? dialect : Dialect.detect(c), H2Durability.AS_CONFIGURED);
  }
}
