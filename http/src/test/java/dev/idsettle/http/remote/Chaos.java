package dev.idsettle.http.remote;

import dev.idsettle.http.Parties;
import dev.idsettle.http.Party;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Service;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import java.util.SplittableRandom;
import org.h2.jdbcx.JdbcDataSource;

/** What the processes of the exactly-once test share: services, parties, keys, stores. */
final class Chaos {
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

  static JdbcStore h2(String file) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + file);
    ds.setUser("sa");
    SchemaMigrator.of(ds).migrate();
    return JdbcStore.builder(ds).build();
  }

  static Ledger ledger(JdbcStore store) {
    return Ledger.over(store);
  }
}
