package dev.idsettle.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idsettle.http.HttpTransport;
import dev.idsettle.http.ManagerClient;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.ReversalResult;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SubIdIssued;
import dev.idsettle.roles.SubIdResult;
import dev.idsettle.roles.Unknown;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claim 1 to 5 story across four processes on loopback: a settlement manager over a SQLite
 * file, two services' authenticators (phone, which relays to the manager, and web, with a SQLite
 * ledger of its own) and a terminal (a till), each a {@link Launcher} JVM with its own config file
 * and key; the story's clients (the till's cash register, a kiosk at each service) talk to the
 * terminal and the authenticators, never to the manager. The manager is stopped while the web
 * authenticator serves from its own ledger, and started again. Prints what happens in plain words,
 * then stops the four processes with SIGTERM and says whether each stopped gracefully. {@code java
 * -jar idsettle-node.jar story [directory]} (default: a new temporary directory); ID numbers are
 * shown masked.
 */
public final class NetworkStory {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START = Duration.ofMinutes(2);

  private final Path dir;
  private final PrintStream out;
  private final List<NodeProcess> processes = new ArrayList<>();

  NetworkStory(Path dir, PrintStream out) {
    this.dir = dir;
    this.out = out;
  }

  /** Runs the story in {@code args[0]} (a directory; default a new temporary one). */
  public static void main(String[] args) throws Exception {
    Path dir =
        args.length > 0
            ? Files.createDirectories(Path.of(args[0]))
            : Files.createTempDirectory("idsettle-story-");
    int failures = new NetworkStory(dir, System.out).run();
    System.exit(failures == 0 ? 0 : 1);
  }

  /** Runs the story; returns how many processes did not stop gracefully. */
  int run() throws Exception {
    out.println("Files (configs, keys, the ledger, logs) in " + dir);
    keys(dir);
    byte[] register = key(dir, "register-1");
    byte[] phoneKiosk = key(dir, "kiosk-phone");
    byte[] webKiosk = key(dir, "kiosk-web");
    Path ledger = dir.resolve("manager.db");
    for (String db : List.of("manager.db", "web-1.db")) {
      for (String suffix : List.of("", "-wal", "-shm")) {
        Files.deleteIfExists(dir.resolve(db + suffix));
      }
    }
    List<IdNumber> ids = issue(write(dir, "manager", managerConfig(ledger)), 2);
    out.println(
        "Claim 1: the issuer issued two ID numbers into the manager's ledger, "
            + ledger.getFileName());
    IdNumber card = ids.get(0);
    IdNumber id = ids.get(1);
    try {
      Map<String, Object> managerConfig = managerConfig(ledger);
      managerConfig.put("listen", "127.0.0.1:" + freePort()); // the same address after a restart
      NodeProcess manager = start("manager", managerConfig);
      String m = manager.api().toString();
      NodeProcess phone =
          start("phone-1", relayConfig("authenticator", "phone-1", m, "kiosk-phone"));
      NodeProcess web = start("web-1", deviceConfig(dir.resolve("web-1.db"), m));
      NodeProcess till = start("till-1", relayConfig("terminal", "till-1", m, "register-1"));
      out.println(
          "Four processes on loopback: manager "
              + m
              + ", authenticators phone "
              + phone.api()
              + " and web "
              + web.api()
              + ", terminal "
              + till.api());
      try (HttpTransport r = transport(till.api(), "register-1", register);
          HttpTransport p = transport(phone.api(), "kiosk-phone", phoneKiosk);
          HttpTransport w = transport(web.api(), "kiosk-web", webKiosk)) {
        tell(ManagerClient.over(r), ManagerClient.over(p), ManagerClient.over(w), card, id);
        away(manager, managerConfig, ManagerClient.over(w), ManagerClient.over(r), id);
      }
    } catch (IOException | RuntimeException e) {
      out.println("The story stopped: " + e.getMessage());
      stop();
      throw e;
    }
    int failures = stop();
    out.println(
        failures == 0
            ? "All four stopped gracefully on SIGTERM (requests finished, ledger closed)."
            : failures + " process(es) did not stop gracefully: see the logs in " + dir);
    return failures;
  }

  private void tell(
      ManagerClient register,
      ManagerClient phoneKiosk,
      ManagerClient webKiosk,
      IdNumber card,
      IdNumber id) {
    SettlementAuthenticator phone =
        phoneKiosk.authenticator(new Service("phone", Money.of(300, "EUR")));
    SettlementAuthenticator web = webKiosk.authenticator(new Service("web", Money.of(100, "EUR")));
    out.println();
    out.println("Claim 2: the till sells card " + card + " for EUR 10.00, usable at phone only:");
    out.println("  " + register.activate(card, eur(1000), "phone", "sale-7"));
    out.println("Claim 1: the till sells ID " + id + " for EUR 20.00, usable anywhere:");
    out.println("  " + register.terminal().activate(id, eur(2000), "sale-8"));
    out.println(
        "Claim 2: the web kiosk asks its authenticator to load the phone-only card's value"
            + " (refused by the manager, nothing moved):");
    out.println("  " + webKiosk.activate(card, eur(100), "web", "load-0"));
    out.println("Claim 3: the phone kiosk spends EUR 1.50 of the card:");
    out.println("  " + phone.authorize(new AuthorizationRequest(card, eur(150), "kiosk", "ph-1")));
    out.println("  the same request again (a lost answer retried): a replay, charged once:");
    out.println("  " + phone.authorize(new AuthorizationRequest(card, eur(150), "kiosk", "ph-1")));
    out.println("Claim 3: the web authenticator asks the manager whether " + id + " is valid:");
    out.println("  " + webKiosk.query(id));
    out.println("Claim 5: at the till the user puts EUR 5.00 of " + id + " aside for phone:");
    out.println("  " + register.selector().select(id, Map.of("phone", eur(500)), "split-1"));
    out.println("Claim 4: the phone authenticator gets the ID's sub-ID for its service:");
    SubIdResult sub = phoneKiosk.subId(id);
    out.println("  " + sub);
    if (sub instanceof SubIdIssued issued) {
      out.println("  and spends EUR 1.50 by the sub-ID, from the phone envelope:");
      out.println(
          "  "
              + phone.authorize(
                  new AuthorizationRequest(issued.subId(), eur(150), "kiosk", "ph-2")));
    }
    out.println("Claim 5: what " + id + " holds now, per service:");
    out.println("  " + register.selector().balances(id));
    out.println("Claim 5: the user gives the rest of the phone envelope back:");
    out.println("  " + register.selector().giveBack(id, "phone", null, "back-1"));
    out.println(
        "Claims 3 and 4 across ledgers: the web authenticator keeps a ledger of its own"
            + " (web-1.db); it loads EUR 4.00 of "
            + id
            + " from the manager (reserve, confirm):");
    out.println("  " + webKiosk.activate(id, eur(400), "web", "load-1"));
    out.println("  and the web kiosk spends EUR 1.00 of it there:");
    out.println("  " + web.authorize(new AuthorizationRequest(id, eur(100), "kiosk", "w-1")));
    out.println();
  }

  /**
   * The manager away: it stops, the web authenticator serves from its own ledger, the manager
   * starts again on the same address and the authenticator gives the unspent value back.
   */
  private void away(
      NodeProcess manager,
      Map<String, Object> managerConfig,
      ManagerClient webKiosk,
      ManagerClient register,
      IdNumber id)
      throws IOException, InterruptedException {
    manager.terminate(Duration.ofSeconds(30));
    processes.remove(manager);
    boolean graceful = manager.stoppedGracefully();
    manager.close();
    out.println(
        "The manager stops (SIGTERM"
            + (graceful ? ", gracefully" : ", NOT gracefully")
            + "); the web kiosk spends EUR 1.00 more at its authenticator, served from its own"
            + " ledger:");
    SettlementAuthenticator web = webKiosk.authenticator(new Service("web", Money.of(100, "EUR")));
    out.println("  " + web.authorize(new AuthorizationRequest(id, eur(100), "kiosk", "w-2")));
    processes.add(0, launch(dir, "manager", managerConfig));
    out.println("The manager starts again on the same address, over the same ledger.");
    out.println("The web authenticator gives the unspent value back to " + id + ":");
    ReversalResult back = webKiosk.terminal().reverse(id, "back-w");
    for (int retry = 0; retry < 3 && back instanceof Unknown; retry++) {
      // a connection the restart cut: asked again with the same reference, applied once
      back = webKiosk.terminal().reverse(id, "back-w");
    }
    out.println("  " + back);
    out.println("What " + id + " holds at the manager now, per service:");
    out.println("  " + register.selector().balances(id));
    out.println();
    if (!graceful) {
      throw new IllegalStateException("the manager did not stop gracefully");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * Issues {@code count} IDs into the ledger of the manager config {@code config}, in a child JVM
   * ({@code Launcher issue}: a SQLite file is written by one process at a time, and that process
   * ends before the manager starts); returns them, as the file for the printer holds them.
   */
  static List<IdNumber> issue(Path config, int count) throws IOException, InterruptedException {
    Path ids = config.resolveSibling("issued-ids.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Launcher.class.getName(),
                "issue",
                config.toString(),
                Integer.toString(count),
                ids.toString())
            .redirectErrorStream(true)
            .redirectOutput(config.resolveSibling("issue.log").toFile())
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("issuing failed: see " + config.resolveSibling("issue.log"));
    }
    List<IdNumber> issued = new ArrayList<>();
    for (String line : Files.readAllLines(ids)) {
      issued.add(IdNumber.parse(line.strip()));
    }
    return issued;
  }

  /** Issues {@code count} IDs into the manager's ledger, in this process, and writes them down. */
  static void issueHere(NodeConfig config, int count, Path ids) throws IOException {
    try (Database db = Database.open(config.store, 2);
        IdSettle settle =
            IdSettle.builder(db.store())
                .issuerKey(config.issuerKey)
                .currency(config.currency)
                .build()) {
      List<String> lines = new ArrayList<>();
      for (IdNumber id : settle.issuer().issue(count, ExpiryPolicy.never()).ids()) {
        lines.add(id.digits());
      }
      Files.write(ids, lines);
    }
  }

  /** Writes {@code config} as {@code dir}/{@code name}.json. */
  static Path write(Path dir, String name, Map<String, Object> config) throws IOException {
    Path file = dir.resolve(name + ".json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), config);
    return file;
  }

  /** Creates the story's keys in {@code dir}/keys. */
  static void keys(Path dir) throws IOException {
    Path keys = Files.createDirectories(dir.resolve("keys"));
    for (String k :
        List.of(
            "issuer",
            "manager",
            "till-1",
            "phone-1",
            "web-1",
            "register-1",
            "kiosk-phone",
            "kiosk-web",
            "web-1-device")) {
      Keys.create(keys.resolve(k + ".key"));
    }
  }

  /** The key in {@code dir}/keys/{@code name}.key. */
  static byte[] key(Path dir, String name) throws IOException {
    return java.util.HexFormat.of()
        .parseHex(Files.readString(dir.resolve("keys").resolve(name + ".key")).strip());
  }

  /** Writes {@code config} as {@code dir}/{@code name}.json and starts its node. */
  static NodeProcess launch(Path dir, String name, Map<String, Object> config) throws IOException {
    Path file = write(dir, name, config);
    return NodeProcess.start(file, dir.resolve(name + ".log"), START);
  }

  static Map<String, Object> managerConfig(Path ledger) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("role", "manager");
    c.put("party", "manager");
    c.put("keyFile", "keys/manager.key");
    c.put("store", "jdbc:sqlite:" + ledger);
    c.put("issuerKeyFile", "keys/issuer.key");
    c.put("groupCommit", 64);
    c.put(
        "services",
        List.of(
            Map.of("name", "phone", "lowBalance", 300), Map.of("name", "web", "lowBalance", 100)));
    c.put(
        "parties",
        List.of(
            Map.of("name", "till-1", "kind", "terminal", "keyFile", "keys/till-1.key"),
            Map.of(
                "name",
                "phone-1",
                "kind",
                "authenticator",
                "service",
                "phone",
                "keyFile",
                "keys/phone-1.key"),
            Map.of(
                "name",
                "web-1",
                "kind",
                "authenticator",
                "service",
                "web",
                "keyFile",
                "keys/web-1.key")));
    return c;
  }

  /** The web authenticator with a ledger of its own at {@code ledger}. */
  static Map<String, Object> deviceConfig(Path ledger, String manager) {
    Map<String, Object> c = relayConfig("authenticator", "web-1", manager, "kiosk-web");
    c.put("store", "jdbc:sqlite:" + ledger);
    c.put("service", Map.of("name", "web", "lowBalance", 100));
    c.put("deviceKeyFile", "keys/web-1-device.key");
    c.put("recoverySeconds", 2);
    return c;
  }

  static Map<String, Object> relayConfig(String role, String party, String manager, String client) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("role", role);
    c.put("party", party);
    c.put("keyFile", "keys/" + party + ".key");
    c.put("manager", manager);
    c.put("clients", List.of(Map.of("name", client, "keyFile", "keys/" + client + ".key")));
    return c;
  }

  private NodeProcess start(String name, Map<String, Object> config) throws IOException {
    NodeProcess p = launch(dir, name, config);
    processes.add(p);
    out.println("Started " + name + " (process " + p.pid() + ") from " + name + ".json");
    return p;
  }

  private int stop() throws InterruptedException {
    int failures = 0;
    // the clients' nodes first, the manager last
    for (int i = processes.size() - 1; i >= 0; i--) {
      NodeProcess p = processes.get(i);
      p.terminate(Duration.ofSeconds(30));
      if (!p.stoppedGracefully()) {
        failures++;
      }
      p.close();
    }
    return failures;
  }

  private static HttpTransport transport(URI node, String party, byte[] key) {
    return HttpTransport.builder(node, party, key).build();
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
