package dev.idsettle.node;

import dev.idsettle.http.Endpoint;
import dev.idsettle.http.HttpManagerServer;
import dev.idsettle.http.HttpTransport;
import dev.idsettle.http.ManagerEndpoint;
import dev.idsettle.http.Parties;
import dev.idsettle.http.remote.LocalAuthenticator;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: a settlement manager over its store, an authenticator or a terminal that makes
 * its clients' requests at the manager, or an authenticator with a store of its own that serves
 * them from value it pulled from the manager ({@link DeviceEndpoint}), each behind its signed HTTP
 * API and its health endpoints. {@link #close()} stops gracefully: readiness turns 503 at once, new
 * requests are refused (503, nothing done), requests in flight finish (up to {@code graceSeconds}),
 * then the store is closed.
 *
 * <pre>{@code
 * try (Node node = Node.start(NodeConfig.load(Path.of("manager.json")))) {
 *   System.out.println("serving on " + node.api());
 *   ...
 * }
 * }</pre>
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final NodeConfig config;
  private final List<AutoCloseable> resources; // the store and the transport, closed last first
  private final HttpManagerServer server;
  private final HealthServer health;
  private boolean closed;

  private Node(
      NodeConfig config,
      List<AutoCloseable> resources,
      HttpManagerServer server,
      HealthServer health) {
    this.config = config;
    this.resources = resources;
    this.server = server;
    this.health = health;
  }

  /** Starts the node {@code config} describes, observed by nobody. */
  public static Node start(NodeConfig config) {
    return start(config, NodeObserver.NONE, () -> "");
  }

  /**
   * Starts the node {@code config} describes; {@code observer} is told of every request and every
   * group commit, and {@code metrics} is what {@code GET /metrics} on the health address shows.
   */
  public static Node start(NodeConfig config, NodeObserver observer, Supplier<String> metrics) {
    if (config == null || observer == null || metrics == null) {
      throw new NodeConfigException("config, observer and metrics must not be null");
    }
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      Endpoint endpoint;
      Parties.Builder parties = Parties.builder();
      for (NodeConfig.Member m : config.parties) {
        parties.add(m.party(), m.key());
      }
      BooleanSupplier ready;
      if (config.role == Role.MANAGER) {
        Database db = Database.open(config.store, config.threads + 2);
        resources.add(db);
        IdSettle settle = settle(config, db, observer);
        resources.add(settle);
        SettlementManager manager = SettlementManager.over(settle);
        for (Service s : config.services) {
          manager.register(s);
        }
        endpoint = ManagerEndpoint.of(settle, manager);
        ready = db::reachable;
      } else {
        URI uri = managerUri(config);
        HttpTransport.Builder client = HttpTransport.builder(uri, config.party, config.key);
        SSLContext trust = config.tls.client;
        if (trust != null) {
          client.tls(trust);
        }
        HttpTransport transport = client.build();
        resources.add(transport);
        RelayEndpoint relay = new RelayEndpoint(transport, config.role);
        Service service = config.service;
        if (service == null) {
          endpoint = relay;
          ready = () -> accepts(uri);
        } else {
          Database db = Database.open(config.store, config.threads + 2);
          resources.add(db);
          LocalAuthenticator device =
              LocalAuthenticator.builder(Ledger.builder(db.store()).build(), transport, service)
                  .key(config.deviceKey)
                  .build();
          resources.add(Recovery.start(device, config.recovery));
          endpoint = new DeviceEndpoint(device, relay);
          ready = db::reachable; // it serves while the manager is away
        }
      }
      HttpManagerServer.Builder api =
          HttpManagerServer.builder(ObservedEndpoint.wrap(endpoint, observer), parties.build())
              .address(config.listen)
              .threads(config.threads)
              .grace(config.grace);
      SSLContext tls = config.tls.server;
      if (tls != null) {
        api.tls(tls);
      }
      HttpManagerServer server = api.start();
      HealthServer health;
      try {
        health = new HealthServer(config.health, ready, metrics);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      LOG.info("{} {} serving on {}", config.role, config.party, server.uri());
      return new Node(config, resources, server, health);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  private static IdSettle settle(NodeConfig config, Database db, NodeObserver observer) {
    IdSettle.Builder b =
        IdSettle.builder(db.store())
            .issuerKey(config.issuerKey)
            .currency(config.currency)
            .groupCommit(config.groupCommit);
    if (observer != NodeObserver.NONE) {
      b.groupCommitListener(observer::groupCommitted);
    }
    return b.build();
  }

  private static URI managerUri(NodeConfig config) {
    URI uri = config.manager;
    if (uri == null) {
      throw new NodeConfigException(config.file + ": manager: is required for " + config.role);
    }
    return uri;
  }

  private static boolean accepts(URI uri) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** What it is. */
  public Role role() {
    return config.role;
  }

  /** Where its API listens, such as {@code http://127.0.0.1:8080}. */
  public URI api() {
    return server.uri();
  }

  /** Where its health endpoints listen. */
  public URI health() {
    return health.uri();
  }

  /**
   * Stops gracefully: readiness 503 at once, new requests refused (503, nothing done), requests in
   * flight finished (up to the grace period), then the health endpoints, the store and the pool
   * closed. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    health.stopping();
    server.close(); // in flight first: the store stays open until they are answered
    health.close();
    closeAll(resources);
    LOG.info("{} {} stopped", config.role, config.party);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn(
            "closing {} failed: {}", resources.get(i).getClass().getSimpleName(), e.toString());
      }
    }
  }

  @Override
  public String toString() {
    return "Node[" + config.role + " " + config.party + "]";
  }
}
