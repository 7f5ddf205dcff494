package dev.idsettle.storefront;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the demonstration shop ({@link DemoShop}) and serves it until the process is stopped:
 * {@code mvn -B -q -pl storefront exec:java} (after {@code mvn -B -q install -DskipTests}). The
 * arguments, both optional: the shop's directory (default {@code target/idsettle-storefront}) and
 * the port on 127.0.0.1 (default 8080).
 */
public final class StorefrontMain {
  private StorefrontMain() {}

  /** Starts the shop and blocks until the process is stopped (Ctrl-C closes it cleanly). */
  public static void main(String[] args) throws InterruptedException {
    DemoShop shop = start(args, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  shop.close();
                  stopped.countDown();
                },
                "storefront-stop"));
    stopped.await();
  }

  /** Opens the shop the arguments name and says where it is; the caller closes it. */
  static DemoShop start(String[] args, PrintStream out) {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/idsettle-storefront");
    int port;
    try {
      port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the port must be a number", e);
    }
    DemoShop shop = DemoShop.builder(dir).port(port).open();
    out.println("idsettle storefront: open " + shop.uri() + " in a browser (Ctrl-C stops it)");
    out.println("  database and keys: " + dir.toAbsolutePath());
    out.println("  simulated bank: member alice, password alice-pw (20 000 yen of credit);");
    out.println("  bob / bob-pw has 500 yen, carol / carol-pw is suspended");
    return shop;
  }
}
