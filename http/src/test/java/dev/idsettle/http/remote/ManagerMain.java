package dev.idsettle.http.remote;

import dev.idsettle.http.HttpManagerServer;
import dev.idsettle.http.ManagerEndpoint;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.store.jdbc.JdbcStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The manager's process of the exactly-once test: {@code init <h2 file> <ids file> <n> <minor>}
 * issues and activates n IDs and writes their digits; {@code serve <h2 file> <port> <hold ms>
 * [broken]} serves them over HTTP until killed.
 */
final class ManagerMain {
  private ManagerMain() {}

  static IdSettle settle(JdbcStore store) {
    return IdSettle.builder(store).issuerKey(Chaos.key("issuer")).build();
  }

  public static void main(String[] args) throws Exception {
    JdbcStore store = Chaos.h2(args[1]);
    IdSettle settle = settle(store);
    SettlementManager manager = SettlementManager.over(settle);
    manager.register(Chaos.PHONE);
    manager.register(Chaos.MUSIC);
    if (args[0].equals("init")) {
      int n = Integer.parseInt(args[3]);
      List<String> digits = new ArrayList<>();
      for (IdNumber id : settle.issuer().issue(n, ExpiryPolicy.never()).ids()) {
        settle
            .terminal("till")
            .activate(id, Money.of(Long.parseLong(args[4]), "EUR"), "sale-" + id.digits());
        digits.add(id.digits());
      }
      Files.write(Path.of(args[2]), digits);
      return;
    }
    Duration hold = Duration.ofMillis(Long.parseLong(args[3]));
    Transfers transfers = ManagerTransfers.over(settle, manager, hold);
    if (args.length > 4 && args[4].equals("broken")) {
      transfers = new BrokenConfirm(transfers, settle);
    }
    HttpManagerServer server =
        startOn(ManagerEndpoint.of(settle, manager, transfers), Integer.parseInt(args[2]));
    System.out.println("READY " + server.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  // the port of a killed predecessor may still be held for a moment
  private static HttpManagerServer startOn(ManagerEndpoint endpoint, int port)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return HttpManagerServer.builder(endpoint, Chaos.parties())
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .threads(8)
            .start();
      } catch (java.io.UncheckedIOException e) {
        if (attempt == 50) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
