package dev.idsettle.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.roles.Holders;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.Slips;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * An open ledger: the pool over the database, the store, {@link IdSettle} under the key file's key,
 * the manager with the settings' services registered, and its slips and holders. Closing releases
 * all of it.
 */
final class Workspace implements AutoCloseable {
  final StoreOptions options;
  final Settings settings;
  final HikariDataSource pool;
  final JdbcStore store;
  final IdSettle settle;
  final SettlementManager manager;
  final Slips slips;
  final Holders holders;

  private Workspace(
      StoreOptions options,
      Settings settings,
      HikariDataSource pool,
      JdbcStore store,
      IdSettle settle) {
    this.options = options;
    this.settings = settings;
    this.pool = pool;
    this.store = store;
    this.settle = settle;
    this.manager = SettlementManager.over(settle);
    for (Service s : settings.services().values()) {
      manager.register(s);
    }
    this.slips = Slips.over(manager);
    this.holders = Holders.over(manager);
  }

  /**
   * Opens an initialized ledger: the key file and the settings must exist, and a SQLite file named
   * by a path must exist too (init creates it).
   */
  static Workspace open(StoreOptions options, Clock clock) {
    byte[] key = KeyFile.read(options.keyFile());
    Settings settings = Settings.read(options.settingsFile());
    Path file = options.file();
    if (file != null && !options.db.startsWith("jdbc:") && !Files.exists(file)) {
      throw CliException.badInput("no database at " + file + ": run 'idsettle init' first");
    }
    try {
      return open(options, settings, key, clock);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Opens (creating the schema if needed) the database with {@code key}. */
  static Workspace open(StoreOptions options, Settings settings, byte[] key, Clock clock) {
    HikariDataSource pool = pool(options);
    try {
      SchemaMigrator.of(pool).migrate();
      JdbcStore store = JdbcStore.builder(pool).build();
      IdSettle settle =
          IdSettle.builder(store).issuerKey(key).currency(settings.currency()).clock(clock).build();
      return new Workspace(options, settings, pool, store, settle);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static HikariDataSource pool(StoreOptions options) {
    Path file = options.file();
    if (file != null) {
      Path parent = file.toAbsolutePath().getParent();
      try {
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } catch (IOException e) {
        throw CliException.badInput("cannot create the directory " + parent + ": " + e);
      }
    }
    HikariConfig config = new HikariConfig();
    String url = options.url();
    if (!options.db.startsWith("jdbc:")) {
      url += "?busy_timeout=10000";
    }
    config.setJdbcUrl(url);
    if (options.dbUser != null) {
      config.setUsername(options.dbUser);
      String password = System.getenv("IDSETTLE_DB_PASSWORD");
      config.setPassword(password == null ? "" : password);
    }
    config.setMaximumPoolSize(2);
    config.setPoolName("idsettle-cli");
    config.setConnectionTimeout(5_000);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw Failures.unavailable("cannot open the database " + Mask.scrub(options.db), e);
    }
  }

  @Override
  public void close() {
    try {
      settle.close();
    } finally {
      pool.close();
    }
  }
}
