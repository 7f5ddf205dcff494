package dev.idsettle.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.http.internal.AuthenticationException;
import dev.idsettle.http.internal.SignedHeaders;
import dev.idsettle.http.message.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A settlement manager on HTTP (or HTTPS, given an {@link SSLContext}), on the JDK's own server.
 * Every request is a POST of a JSON message to its {@link Operation#path()}, signed by a registered
 * party ({@link HttpTransport} signs): the server checks the signature, the clock skew and the
 * nonce, then passes the authenticated party, never a name from the body, to its {@link Endpoint}
 * (the manager's {@link ManagerEndpoint}). Whatever is refused gets an RFC 9457 problem and changes
 * nothing: 401 for every authentication failure alike (never which part was wrong), 400 malformed,
 * 403 not this party's to ask, 404, 405, 413 over the body limit, 503 while stopping.
 *
 * <p>The JDK server waits on the peer's delayed ACK (about 40 ms a response) unless the system
 * property {@code sun.net.httpserver.nodelay} is {@code true} when its first server starts: {@link
 * Builder#start()} sets it if it is not set. {@link #close()} stops accepting, lets requests in
 * flight finish (up to the grace period) and stops the threads.
 */
public final class HttpManagerServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpManagerServer.class);
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Endpoint endpoint;
  private final RequestAuthenticator authenticator;
  private final int maxBodyBytes;
  private final Duration grace;
  private final boolean tls;
  private final Object idle = new Object();
  private int inFlight; // guarded by idle
  private volatile boolean stopping;

  private HttpManagerServer(Builder b) throws IOException {
    this.endpoint = b.endpoint;
    this.authenticator =
        new RequestAuthenticator(b.parties, b.clock, b.maxClockSkew, b.nonceCacheSize);
    this.maxBodyBytes = b.maxBodyBytes;
    this.grace = b.grace;
    SSLContext ssl = b.ssl;
    this.tls = ssl != null;
    if (ssl != null) {
      HttpsServer https = HttpsServer.create(b.address, 0);
      https.setHttpsConfigurator(new HttpsConfigurator(ssl));
      this.server = https;
    } else {
      this.server = HttpServer.create(b.address, 0);
    }
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            b.threads,
            r -> {
              Thread t = new Thread(r, "idsettle-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  /** Starts configuring a server for {@code endpoint}, open to {@code parties}. */
  public static Builder builder(Endpoint endpoint, Parties parties) {
    return new Builder(endpoint, parties);
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Its base address, such as {@code https://127.0.0.1:8443}. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create((tls ? "https" : "http") + "://" + host + ":" + a.getPort());
  }

  private void exchange(HttpExchange ex) {
    synchronized (idle) {
      inFlight++;
    }
    try (ex) {
      Reply reply = reply(ex);
      ex.getResponseHeaders()
          .set("Content-Type", reply.status() == 200 ? "application/json" : Problem.MEDIA_TYPE);
      ex.sendResponseHeaders(reply.status(), reply.body().length);
      ex.getResponseBody().write(reply.body());
    } catch (IOException | UncheckedIOException e) {
      // the caller went away: it sees no answer, which it takes as Unknown
      LOG.debug("reply not delivered: {}", e.getClass().getSimpleName());
    } finally {
      synchronized (idle) {
        if (--inFlight == 0) {
          idle.notifyAll();
        }
      }
    }
  }

  private Reply reply(HttpExchange ex) throws IOException {
    if (stopping) {
      return Problem.unavailable().reply();
    }
    if (!"POST".equals(ex.getRequestMethod())) {
      return Problem.methodNotAllowed().reply();
    }
    String path = ex.getRequestURI().getRawPath();
    Optional<Operation> operation = Operation.atPath(path == null ? "" : path);
    if (operation.isEmpty()) {
      return Problem.notFound().reply();
    }
    byte @Nullable [] body = body(ex);
    if (body == null) {
      return Problem.tooLarge(maxBodyBytes).reply();
    }
    Party party;
    try {
      SignedHeaders h = SignedHeaders.parse(ex.getRequestHeaders()::get);
      party = authenticator.authenticate("POST", path, h, body);
    } catch (AuthenticationException e) {
      LOG.debug("refused an unauthenticated request: {}", e.getMessage());
      return Problem.unauthenticated().reply();
    }
    return endpoint.handle(party, operation.get(), body);
  }

  // the body, or null if it is over the limit (read no further than one byte past it); with a
  // Content-Length, exactly that many bytes are read into an array of that size (reading up to the
  // limit instead allocated an 8 KiB buffer and a copy for every request)
  private byte @Nullable [] body(HttpExchange ex) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    int declared = -1;
    if (length != null) {
      try {
        long n = Long.parseLong(length.trim());
        if (n > maxBodyBytes) {
          return null;
        }
        declared = (int) Math.max(0, n);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes(declared >= 0 ? declared : maxBodyBytes + 1);
      return body.length > maxBodyBytes ? null : body;
    }
  }

  /**
   * Stops: new requests are refused (503, nothing done), requests in flight finish for up to the
   * grace period, then the connections and threads stop.
   */
  @Override
  public void close() {
    stopping = true;
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (idle) {
      long left;
      while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
        try {
          idle.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    // the JDK 17 server's own stop(delay) waits the whole delay even when idle: wait here instead
    server.stop(0);
    executor.shutdownNow();
  }

  /** Configures a {@link HttpManagerServer}; validated at {@link #start()}, naming the setting. */
  public static final class Builder {
    private final Endpoint endpoint;
    private final Parties parties;
    private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private @Nullable SSLContext ssl;
    private Clock clock = Clock.systemUTC();
    private Duration maxClockSkew = Duration.ofSeconds(30);
    private int maxBodyBytes = 64 * 1024;
    private long nonceCacheSize = 1_000_000;
    private int threads = 32;
    private Duration grace = Duration.ofSeconds(5);

    private Builder(Endpoint endpoint, Parties parties) {
      if (endpoint == null || parties == null) {
        throw new InvalidConfigurationException("endpoint and parties must not be null");
      }
      this.endpoint = endpoint;
      this.parties = parties;
    }

    /** Where to listen (default: loopback, a free port). */
    public Builder address(InetSocketAddress address) {
      this.address = notNull(address, "address");
      return this;
    }

    /** Serve HTTPS with {@code ssl} (its key managers hold the server's certificate). */
    public Builder tls(SSLContext ssl) {
      this.ssl = notNull(ssl, "tls");
      return this;
    }

    /** The clock signatures' timestamps are judged by (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = notNull(clock, "clock");
      return this;
    }

    /** How far a request's timestamp may be from the clock (default 30 s). */
    public Builder maxClockSkew(Duration skew) {
      this.maxClockSkew = notNull(skew, "maxClockSkew");
      return this;
    }

    /** The largest body accepted, in bytes (default 64 KiB); a larger one is refused (413). */
    public Builder maxBodyBytes(int bytes) {
      this.maxBodyBytes = bytes;
      return this;
    }

    /** How many nonces are remembered at most (default 1 000 000). */
    public Builder nonceCacheSize(long size) {
      this.nonceCacheSize = size;
      return this;
    }

    /** How many requests are handled at once (default 32). */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** How long {@link #close()} lets requests in flight finish (default 5 s). */
    public Builder grace(Duration grace) {
      this.grace = notNull(grace, "grace");
      return this;
    }

    /**
     * Starts the server.
     *
     * @throws InvalidConfigurationException naming the first bad setting
     * @throws UncheckedIOException if the address cannot be bound
     */
    public HttpManagerServer start() {
      if (maxClockSkew.isNegative() || maxClockSkew.isZero()) {
        throw new InvalidConfigurationException(
            "maxClockSkew must be positive, was " + maxClockSkew);
      }
      if (maxBodyBytes < 1024) {
        throw new InvalidConfigurationException(
            "maxBodyBytes must be at least 1024, was " + maxBodyBytes);
      }
      if (nonceCacheSize < 1000) {
        throw new InvalidConfigurationException(
            "nonceCacheSize must be at least 1000, was " + nonceCacheSize);
      }
      if (threads < 1) {
        throw new InvalidConfigurationException("threads must be at least 1, was " + threads);
      }
      if (grace.isNegative()) {
        throw new InvalidConfigurationException("grace must not be negative, was " + grace);
      }
      if (System.getProperty(NODELAY) == null) {
        System.setProperty(NODELAY, "true");
      }
      try {
        return new HttpManagerServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("could not listen on " + address, e);
      }
    }

    private static <T> T notNull(@Nullable T value, String setting) {
      if (value == null) {
        throw new InvalidConfigurationException(setting + " must not be null");
      }
      return value;
    }
  }
}
