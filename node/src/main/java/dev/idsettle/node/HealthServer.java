package dev.idsettle.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The node's health endpoints, on an address of their own (a probe needs no key): {@code GET
 * /health/live} is 200 while the process serves; {@code GET /health/ready} is 200 while the node
 * can do its work (a manager's store answers, an authenticator's or a terminal's manager accepts
 * connections) and 503 otherwise or while stopping; {@code GET /metrics} the observer's figures as
 * text, when there are any.
 */
final class HealthServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final BooleanSupplier ready;
  private final Supplier<String> metrics;
  private volatile boolean stopping;

  HealthServer(InetSocketAddress address, BooleanSupplier ready, Supplier<String> metrics) {
    this.ready = ready;
    this.metrics = metrics;
    try {
      this.server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on " + address + " for health", e);
    }
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "idsettle-health");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  URI uri() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getHostString() + ":" + a.getPort());
  }

  /** From now on, ready answers 503 (a stop has begun). */
  void stopping() {
    stopping = true;
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      int status;
      String body;
      if (!"GET".equals(ex.getRequestMethod())) {
        status = 405;
        body = "{\"status\":\"GET only\"}";
      } else if ("/health/live".equals(path)) {
        status = 200;
        body = "{\"status\":\"UP\"}";
      } else if ("/health/ready".equals(path)) {
        boolean up = !stopping && ready.getAsBoolean();
        status = up ? 200 : 503;
        body = up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}";
      } else if ("/metrics".equals(path)) {
        status = 200;
        body = metrics.get();
      } else {
        status = 404;
        body = "{\"status\":\"no such endpoint\"}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders()
          .set("Content-Type", path.equals("/metrics") ? "text/plain" : "application/json");
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
