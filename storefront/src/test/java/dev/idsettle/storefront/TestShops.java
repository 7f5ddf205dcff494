package dev.idsettle.storefront;

import dev.idsettle.sales.PinCost;
import java.nio.file.Path;
import java.util.UUID;

/** Demo shops for tests: a SQLite file of their own under target/, any free port, cheap PINs. */
final class TestShops {
  /** Argon2id at its cheapest: the tests exercise the pages, not the hash's cost. */
  static final PinCost CHEAP = new PinCost(64, 1, 1);

  private TestShops() {}

  static Path dir(String name) {
    String base = System.getProperty("idsettle.test.dir", "target/test-db");
    return Path.of(base, name + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  static DemoShop open(String name) {
    return DemoShop.builder(dir(name)).port(0).pinCost(CHEAP).open();
  }
}
