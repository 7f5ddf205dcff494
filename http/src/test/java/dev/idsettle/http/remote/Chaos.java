package dev.idsettle.http.remote;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.http.Parties;
import dev.idsettle.http.Party;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Service;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import java.util.SplittableRandom;

/** What the processes of the exactly-once test share: services, parties, keys, stores. */
final class Chaos {
  private static final java.util.Map<String, HikariDataSource> POOLS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Closes the pool over {@code file}, so that another process may open the file. */
  static void close(String file) {
    HikariDataSource ds = POOLS.remove(file);
    if (ds != null) {
      ds.close();
    }
  }

  static final Service PHONE = new Service("phone", Money.of(300, "EUR"));
  static final Service MUSIC = new Service("music", Money.of(100, "EUR"));
  static final Party PHONE_DEVICE = Party.authenticator("phone-1", "phone");
  static final Party MUSIC_DEVICE = Party.authenticator("music-1", "music");
  static final String TERMINAL = "kiosk";

  private Chaos() {}

  static byte[] key(String name) {
    byte[] key = new byte[32];
    new SplittableRandom(name.hashCode()).nextBytes(key);
    return key;
  }

  static Parties parties() {
    return Parties.builder()
        .add(PHONE_DEVICE, key(PHONE_DEVICE.name()))
        .add(MUSIC_DEVICE, key(MUSIC_DEVICE.name()))
        .build();
  }

  static Service service(String name) {
    return name.equals(PHONE.name()) ? PHONE : MUSIC;
  }

  /**
   * A store on the H2 file {@code file}, through a pool and with {@code WRITE_DELAY=0}: H2 keeps a
   * killed process's confirmed commits only when the file stays open between transactions and each
   * commit is written before it returns (jdbc-store's H2 crash test). An unpooled data source lost
   * confirmed commits at SIGKILL here, and so did H2's default 500 ms write delay (a device's
   * resolved pull came back pending after it was killed right after the drain), which this test
   * then reported as a protocol failure.
   */
  @SuppressWarnings("resource") // the pool lives as long as the process (a child) or the test
  static JdbcStore h2(String file) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:file:" + file + ";WRITE_DELAY=0");
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(4);
    HikariDataSource ds = new HikariDataSource(config);
    POOLS.put(file, ds);
    SchemaMigrator.of(ds).migrate();
    return JdbcStore.builder(ds).build();
  }

  static Ledger ledger(JdbcStore store) {
    return Ledger.over(store);
  }
}
