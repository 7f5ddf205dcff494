package dev.idsettle.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.http.Party;
import dev.idsettle.http.PartyKind;
import dev.idsettle.roles.Service;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A node's configuration, read from a JSON file and checked whole before anything starts: every
 * refusal is a {@link NodeConfigException} naming the file, the line and the field. Paths are
 * relative to the file's directory; keys are files of hex digits (at least 32 bytes), kept out of
 * the config. Fields:
 *
 * <pre>{@code
 * {
 *   "role": "manager",                 // manager | authenticator | terminal
 *   "party": "manager-1",              // this node's party name
 *   "keyFile": "keys/manager-1.key",   // this node's HMAC key (hex)
 *   "listen": "127.0.0.1:8080",        // the API (default 127.0.0.1:0, a free port)
 *   "health": "127.0.0.1:8081",        // GET /health/live and /health/ready (default a free port)
 *   "graceSeconds": 5,                 // how long a stop lets requests in flight finish
 *   "threads": 32,                     // requests handled at once
 *   "metrics": false,                  // true: Micrometer figures at GET /metrics (health address)
 *   "tls": {"keyStore": "tls/node.p12", // optional: HTTPS on the API (see NodeTls)
 *           "trustStore": "tls/trust.p12", "passwordFile": "tls/password"},
 *   // a manager only:
 *   "store": "jdbc:sqlite:ledger.db",  // default: a SQLite file <party>.db beside the config;
 *                                      // or jdbc:postgresql://host/db?user=u&password=p
 *   "issuerKeyFile": "keys/issuer.key",
 *   "currency": "EUR",
 *   "groupCommit": 64,                 // 0 (default) turns group commit off
 *   "services": [{"name": "phone", "lowBalance": 300}],
 *   "parties": [{"name": "till-1", "kind": "terminal", "keyFile": "keys/till-1.key"},
 *               {"name": "phone-1", "kind": "authenticator", "service": "phone",
 *                "keyFile": "keys/phone-1.key"}],
 *   // an authenticator or a terminal only:
 *   "manager": "http://127.0.0.1:8080",
 *   "clients": [{"name": "kiosk-9", "keyFile": "keys/kiosk-9.key"}],
 *   // an authenticator with a store of its own only (without "store" it relays to the manager):
 *   "store": "jdbc:sqlite:phone-1.db", // its own ledger (docs/REMOTE.md)
 *   "service": {"name": "phone", "lowBalance": 300},
 *   "deviceKeyFile": "keys/phone-1-device.key", // the numbers it serves are HMACs under it
 *   "recoverySeconds": 5               // how often transfers left pending are finished
 * }
 * }</pre>
 *
 * (Comments are not JSON: they are here for the reader only.)
 */
public final class NodeConfig {
  private static final Set<String> COMMON =
      Set.of(
          "role",
          "party",
          "keyFile",
          "listen",
          "health",
          "graceSeconds",
          "threads",
          "currency",
          "metrics",
          "tls");
  private static final Set<String> MANAGER =
      Set.of("store", "issuerKeyFile", "groupCommit", "services", "parties");
  private static final Set<String> RELAY = Set.of("manager", "clients");
  private static final Set<String> DEVICE =
      Set.of("store", "service", "deviceKeyFile", "recoverySeconds");

  final Path file;
  final Role role;
  final String party;
  final byte[] key;
  final InetSocketAddress listen;
  final InetSocketAddress health;
  final Duration grace;
  final int threads;
  final Currency currency;
  final boolean metrics;
  final NodeTls tls;
  // a manager's
  final String store;
  final byte[] issuerKey;
  final int groupCommit;
  final List<Service> services;
  final List<Member> parties;
  // an authenticator's or a terminal's
  final @Nullable URI manager;
  // an authenticator's with a store of its own (then store is its own ledger)
  final @Nullable Service service;
  final byte[] deviceKey;
  final Duration recovery;

  /** A party this node lets in, with its key. */
  @SuppressWarnings("ArrayRecordComponent") // package-private, never compared or printed
  record Member(Party party, byte[] key) {}

  private NodeConfig(ConfigFile f) {
    JsonNode root = f.root();
    this.file = f.file();
    this.role = role(f);
    Set<String> known = new java.util.HashSet<>(COMMON);
    known.addAll(role == Role.MANAGER ? MANAGER : RELAY);
    if (role == Role.AUTHENTICATOR) {
      known.addAll(DEVICE);
    }
    f.onlyKnown(root, "", known);
    this.party = name(f, "/party");
    this.key = Keys.read(f, "/keyFile");
    this.listen = address(f, "/listen");
    this.health = address(f, "/health");
    this.grace = Duration.ofSeconds(range(f, "/graceSeconds", 5, 0, 600));
    this.threads = (int) range(f, "/threads", 32, 1, 1024);
    this.currency = currency(f);
    this.metrics = f.flag("/metrics", false);
    this.tls = NodeTls.read(f);
    if (metrics && !Metrics.available()) {
      throw f.error("/metrics", "needs io.micrometer:micrometer-core on the class path");
    }
    if (role == Role.MANAGER) {
      this.store = store(f, party);
      this.issuerKey = Keys.read(f, "/issuerKeyFile");
      this.groupCommit = (int) range(f, "/groupCommit", 0, 0, 10_000);
      this.services = services(f, currency);
      this.parties = members(f, "/parties", true);
      this.manager = null;
      this.service = null;
      this.deviceKey = new byte[0];
      this.recovery = Duration.ZERO;
    } else if (role == Role.AUTHENTICATOR && f.text("/store") != null) {
      this.store = store(f, party);
      this.issuerKey = new byte[0];
      this.groupCommit = 0;
      this.services = List.of();
      this.manager = managerUri(f);
      this.parties = members(f, "/clients", false);
      this.service = service(f, "/service", currency);
      this.deviceKey = Keys.read(f, "/deviceKeyFile");
      this.recovery = Duration.ofSeconds(range(f, "/recoverySeconds", 5, 1, 3600));
    } else {
      for (String device : List.of("/service", "/deviceKeyFile", "/recoverySeconds")) {
        if (f.root().at(device).isMissingNode()) {
          continue;
        }
        throw f.error(device, "is for an authenticator with a store of its own only");
      }
      this.service = null;
      this.deviceKey = new byte[0];
      this.recovery = Duration.ZERO;
      this.store = "";
      this.issuerKey = new byte[0];
      this.groupCommit = 0;
      this.services = List.of();
      this.manager = managerUri(f);
      this.parties = members(f, "/clients", false);
    }
  }

  /**
   * Reads and checks {@code file}, and the key files it names.
   *
   * @throws NodeConfigException naming the file, the line and the field at fault
   */
  public static NodeConfig load(Path file) {
    if (file == null) {
      throw new NodeConfigException("the config file must not be null");
    }
    return new NodeConfig(ConfigFile.read(file));
  }

  /** What this node is. */
  public Role role() {
    return role;
  }

  /** This node's party name. */
  public String party() {
    return party;
  }

  /** The file it was read from. */
  public Path file() {
    return file;
  }

  private static Role role(ConfigFile f) {
    String r = f.requiredText("/role");
    try {
      return Role.valueOf(r.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw f.error("/role", "must be manager, authenticator or terminal");
    }
  }

  private static String name(ConfigFile f, String pointer) {
    String name = f.requiredText(pointer);
    try {
      return Party.terminal(name).name();
    } catch (InvalidRequestException e) {
      throw f.error(pointer, "must have 1 to 60 letters, digits, '.', '_' or '-'");
    }
  }

  @SuppressWarnings("AddressSelection") // a server listens on one address: the one named
  private static InetSocketAddress address(ConfigFile f, String pointer) {
    String a = f.text(pointer);
    if (a == null) {
      return new InetSocketAddress("127.0.0.1", 0);
    }
    int colon = a.lastIndexOf(':');
    String problem = "must be host:port, such as 127.0.0.1:8080 (port 0: a free one)";
    if (colon <= 0) {
      throw f.error(pointer, problem);
    }
    try {
      int port = Integer.parseInt(a.substring(colon + 1));
      if (port < 0 || port > 65_535) {
        throw f.error(pointer, problem);
      }
      String host = a.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      return new InetSocketAddress(host, port);
    } catch (NumberFormatException e) {
      throw f.error(pointer, problem);
    }
  }

  private static long range(ConfigFile f, String pointer, long otherwise, long min, long max) {
    long n = f.number(pointer, otherwise);
    if (n < min || n > max) {
      throw f.error(pointer, "must be from " + min + " to " + max + ", was " + n);
    }
    return n;
  }

  private static Currency currency(ConfigFile f) {
    String c = f.text("/currency");
    try {
      return Currency.getInstance(c == null ? "EUR" : c);
    } catch (IllegalArgumentException e) {
      throw f.error("/currency", "must be an ISO 4217 code, such as EUR");
    }
  }

  private static String store(ConfigFile f, String party) {
    String url = f.text("/store");
    if (url == null) {
      Path dir = f.file().toAbsolutePath().getParent();
      Path db = dir == null ? Path.of(party + ".db") : dir.resolve(party + ".db");
      return "jdbc:sqlite:" + db;
    }
    if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
      throw f.error("/store", "must be a jdbc:sqlite: or jdbc:postgresql: URL");
    }
    return url;
  }

  private static List<Service> services(ConfigFile f, Currency currency) {
    JsonNode list = f.root().path("services");
    if (!list.isArray() || list.isEmpty()) {
      throw f.error(
          "/services", "a manager needs at least one service, a list of {name, lowBalance}");
    }
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      services.add(service(f, "/services/" + i, currency));
    }
    return List.copyOf(services);
  }

  /** The service {name, lowBalance} at {@code at}. */
  private static Service service(ConfigFile f, String at, Currency currency) {
    JsonNode node = f.root().at(at);
    if (!node.isObject()) {
      throw f.error(at, "must be a service, {name, lowBalance}");
    }
    f.onlyKnown(node, at, Set.of("name", "lowBalance"));
    String name = f.requiredText(at + "/name");
    long low = f.number(at + "/lowBalance", 0);
    try {
      return new Service(name, dev.idsettle.money.Money.of(low, currency));
    } catch (InvalidRequestException e) {
      throw f.error(at, String.valueOf(e.getMessage()));
    }
  }

  private static List<Member> members(ConfigFile f, String pointer, boolean withKind) {
    JsonNode list = f.root().at(pointer);
    if (list.isMissingNode()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw f.error(pointer, "must be a list");
    }
    Set<String> known =
        withKind ? Set.of("name", "kind", "service", "keyFile") : Set.of("name", "keyFile");
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = pointer + "/" + i;
      f.onlyKnown(list.get(i), at, known);
      String name = name(f, at + "/name");
      Party party = withKind ? party(f, at, name) : Party.terminal(name);
      members.add(new Member(party, Keys.read(f, at + "/keyFile")));
    }
    return List.copyOf(members);
  }

  private static Party party(ConfigFile f, String at, String name) {
    String kind = f.requiredText(at + "/kind");
    String service = f.text(at + "/service");
    PartyKind k;
    try {
      k = PartyKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw f.error(at + "/kind", "must be terminal or authenticator");
    }
    if (k == PartyKind.AUTHENTICATOR && service == null) {
      throw f.error(at + "/service", "is required for an authenticator");
    }
    if (k != PartyKind.AUTHENTICATOR && service != null) {
      throw f.error(at + "/service", "is for an authenticator only");
    }
    try {
      return new Party(name, k, service);
    } catch (InvalidRequestException e) {
      throw f.error(at, String.valueOf(e.getMessage()));
    }
  }

  private static URI managerUri(ConfigFile f) {
    String m = f.requiredText("/manager");
    try {
      URI uri = URI.create(m);
      if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getPort() < 1
          || !(uri.getPath() == null || uri.getPath().isEmpty())) {
        throw f.error("/manager", "must be http://host:port or https://host:port, without a path");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw f.error("/manager", "must be http://host:port or https://host:port, without a path");
    }
  }
}
