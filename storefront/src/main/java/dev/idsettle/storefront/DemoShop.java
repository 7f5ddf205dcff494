package dev.idsettle.storefront;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.catalog.Catalogue;
import dev.idsettle.catalog.DeliveryResult;
import dev.idsettle.catalog.Item;
import dev.idsettle.catalog.access.AccessDirectory;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Service;
import dev.idsettle.sales.Denomination;
import dev.idsettle.sales.JdbcSaleRecords;
import dev.idsettle.sales.PinCost;
import dev.idsettle.sales.SalesDesk;
import dev.idsettle.sales.SimulatedBank;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * A complete demonstration shop on the embedded default database: a SQLite file ({@code ledger.db})
 * in a directory of its own, which also holds the keys ({@code keys}, created once, 128 random
 * bytes, readable by the owner only) and the access-number directory the operator edits ({@code
 * access.json}, copied from the jar on the first start). Payments go to a {@link SimulatedBank}
 * (members {@code alice} / {@code alice-pw} with 20 000 yen of credit, {@code bob} / {@code bob-pw}
 * with 500 yen, {@code carol} / {@code carol-pw} suspended), so no real money moves. Each start
 * finishes or undoes purchases a previous run left half done, forgets old wrong-PIN counts and tops
 * the stock up. {@link StorefrontMain} runs it from the command line; tests open it on a port of
 * their own.
 */
public final class DemoShop implements AutoCloseable {
  /** The currency of the demonstration. */
  public static final Currency YEN = Currency.getInstance("JPY");

  /** The denominations on sale. */
  public static final List<Denomination> DENOMINATIONS =
      List.of(
          new Denomination(
              "talk-1000", Denomination.Kind.TALK_TIME, yen(1000), yen(1000), "1 000 yen of calls"),
          new Denomination(
              "talk-3000",
              Denomination.Kind.TALK_TIME,
              yen(3000),
              yen(2900),
              "3 000 yen of calls, 100 yen off"),
          new Denomination(
              "goods-5000",
              Denomination.Kind.GOODS,
              yen(5000),
              yen(5000),
              "5 000 yen for the shop"));

  /** What the shop sells for an ID's balance. */
  public static final List<Item> ITEMS =
      List.of(
          Item.ticket("concert-0312", "Concert, 12 March", yen(3000), null),
          Item.ticket("museum-day", "Museum day pass", yen(1200), null),
          Item.goods("phone-strap", "Phone strap", yen(800)));

  private static final int STOCK = 20;
  private final HikariDataSource pool;
  private final IdSettle settle;
  private final SimulatedBank bank;
  private final SalesDesk desk;
  private final Storefront storefront;

  private DemoShop(Builder b) throws IOException {
    Files.createDirectories(b.dir);
    byte[] keys = keys(b.dir.resolve("keys"));
    AccessDirectory directory = AccessDirectory.load(directoryFile(b.dir.resolve("access.json")));
    this.pool = pool(b.dir.resolve("ledger.db"));
    try {
      SchemaMigrator.of(pool).migrate();
      this.settle =
          IdSettle.builder(JdbcStore.builder(pool).build())
              .issuerKey(Arrays.copyOfRange(keys, 0, 32))
              .currency(YEN)
              .clock(b.clock)
              .build();
      this.bank = SimulatedBank.create(YEN, 250);
      bank.member("alice", "alice-pw", yen(20_000));
      bank.member("bob", "bob-pw", yen(500));
      bank.member("carol", "carol-pw", yen(20_000));
      bank.suspend("carol", true);
      SalesDesk.Builder sales =
          SalesDesk.builder(settle, bank, JdbcSaleRecords.create(pool))
              .deskKey(Arrays.copyOfRange(keys, 32, 64))
              .clock(b.clock)
              .pinCost(b.pinCost);
      DENOMINATIONS.forEach(sales::denomination);
      this.desk = sales.build();
      desk.recover();
      desk.purgeGuesses();
      for (Denomination d : DENOMINATIONS) {
        if (desk.available(d.code()) < STOCK / 2) {
          desk.stock(d.code(), STOCK);
        }
      }
      Catalogue.Builder shop =
          Catalogue.builder(
                  settle.ledger(), settle.authenticator(new Service("web-shop", yen(0)), "web"))
              .key(Arrays.copyOfRange(keys, 64, 96))
              .delivery(order -> DeliveryResult.delivered()); // the page hands the code over
      ITEMS.forEach(shop::item);
      this.storefront =
          Storefront.builder(desk, directory, shop.build())
              .address(b.address)
              .key(Arrays.copyOfRange(keys, 96, 128))
              .footer(
                  "Demonstration: payments go to a simulated bank (member alice, password"
                      + " alice-pw); no real money moves.")
              .start();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** Starts configuring a shop kept in {@code dir} (created if missing). */
  public static Builder builder(Path dir) {
    if (dir == null) {
      throw new InvalidConfigurationException("dir is required");
    }
    return new Builder(dir);
  }

  /** The running storefront. */
  public Storefront storefront() {
    return storefront;
  }

  /** Its address. */
  public URI uri() {
    return storefront.uri();
  }

  /** The desk behind the pages (stock, refunds, recovery). */
  public SalesDesk desk() {
    return desk;
  }

  /** The simulated bank behind the desk (tests make it misbehave). */
  SimulatedBank bank() {
    return bank;
  }

  /** The ledger's roles behind the pages. */
  public IdSettle settle() {
    return settle;
  }

  /** Stops the storefront, then the ledger and the database pool. */
  @Override
  public void close() {
    storefront.close();
    settle.close();
    pool.close();
  }

  static Money yen(long amount) {
    return Money.of(amount, YEN);
  }

  private static byte[] keys(Path file) throws IOException {
    if (!Files.exists(file)) {
      byte[] fresh = new byte[128];
      new SecureRandom().nextBytes(fresh);
      Path tmp = Files.createTempFile(file.getParent(), "keys", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's own permissions protect it
      }
      Files.write(tmp, fresh);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
    byte[] keys = Files.readAllBytes(file);
    if (keys.length != 128) {
      throw new InvalidConfigurationException(
          file + " must hold 128 bytes of keys, has " + keys.length + ": remove it to start anew");
    }
    return keys;
  }

  private static Path directoryFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      try (InputStream in = DemoShop.class.getResourceAsStream("access.json")) {
        if (in == null) {
          throw new IOException("access.json is missing from the jar");
        }
        Files.copy(in, file);
      }
    }
    return file;
  }

  private static HikariDataSource pool(Path file) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath() + "?busy_timeout=10000");
    config.setMaximumPoolSize(4);
    config.setPoolName("idsettle-storefront");
    return new HikariDataSource(config);
  }

  /** Configures a {@link DemoShop}. */
  public static final class Builder {
    private final Path dir;
    private InetSocketAddress address =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
    private Clock clock = Clock.systemUTC();
    private PinCost pinCost = PinCost.DEFAULT;

    private Builder(Path dir) {
      this.dir = dir.toAbsolutePath();
    }

    /** The port on the loopback address (default 8080; 0 picks a free one). */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new InvalidConfigurationException("port must be 0 to 65535, was " + port);
      }
      this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
      return this;
    }

    /** The clock of the ledger and the desk (default system UTC). */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new InvalidConfigurationException("clock is required");
      }
      this.clock = clock;
      return this;
    }

    /** The Argon2id cost of PIN hashes (default {@link PinCost#DEFAULT}). */
    public Builder pinCost(PinCost cost) {
      if (cost == null) {
        throw new InvalidConfigurationException("pinCost is required");
      }
      this.pinCost = cost;
      return this;
    }

    /** Opens the database, stocks the desk and starts the storefront. */
    public DemoShop open() {
      try {
        return new DemoShop(this);
      } catch (IOException e) {
        throw new UncheckedIOException("could not set up the shop in " + dir, e);
      }
    }
  }
}
