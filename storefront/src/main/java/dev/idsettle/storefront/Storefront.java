package dev.idsettle.storefront;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.catalog.Catalogue;
import dev.idsettle.catalog.access.AccessDirectory;
import dev.idsettle.sales.SalesDesk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web storefront on the JDK's HTTP server: plain HTML pages over a {@link SalesDesk}, an {@link
 * AccessDirectory} and a {@link Catalogue}, the same calls an integrator makes.
 *
 * <ul>
 *   <li>{@code /} buy an ID: pick a denomination, pay through the desk's gateway, choose a PIN; the
 *       answer shows the ID and its check URL.
 *   <li>{@code /check/TOKEN} the check URL: the right PIN shows the ID again.
 *   <li>{@code /access} the access numbers of the region the user picks.
 *   <li>{@code /shop} goods and tickets paid from an ID's balance; {@code /checkin} a venue checks
 *       a ticket in, once.
 * </ul>
 *
 * <p>Safety: every POST needs the session's form token (a per-session HMAC; the session cookie is
 * HttpOnly and SameSite=Strict) and is refused from another origin; nothing secret travels in an
 * address except the check URL's own token; every page is sent with a content security policy that
 * allows no script, no framing and no form target elsewhere, {@code X-Content-Type-Options:
 * nosniff}, {@code Referrer-Policy: no-referrer} (the check URL never leaks through a link) and
 * {@code Cache-Control: no-store}; all text is HTML-escaped. The log names the page and the status,
 * never an address (a check URL's token), a form field, an ID number or a ticket code.
 *
 * <p>The JDK server waits on the peer's delayed ACK (about 40 ms a response) unless the system
 * property {@code sun.net.httpserver.nodelay} is {@code true} when its first server starts: {@link
 * Builder#start()} sets it if it is not set.
 */
public final class Storefront implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Storefront.class);
  private static final String NODELAY = "sun.net.httpserver.nodelay";
  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Csrf csrf;
  private final boolean secure;
  private final String footer;
  private final SalePages sales;
  private final AccessPage access;
  private final ShopPages shop;
  private final byte[] style;

  private Storefront(Builder b) throws IOException {
    this.secure = b.secure;
    this.csrf = new Csrf(b.key, b.secure);
    this.footer = b.footer;
    this.sales = new SalePages(b.desk);
    this.access = new AccessPage(b.directory);
    this.shop = new ShopPages(b.catalogue, b.zone);
    try (InputStream in = Storefront.class.getResourceAsStream("style.css")) {
      if (in == null) {
        throw new IOException("style.css is missing from the jar");
      }
      this.style = in.readAllBytes();
    }
    this.server = HttpServer.create(b.address, 0);
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            b.threads,
            r -> {
              Thread t = new Thread(r, "idsettle-storefront-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  /** Starts configuring a storefront over the three parts it shows. */
  public static Builder builder(SalesDesk desk, AccessDirectory directory, Catalogue catalogue) {
    return new Builder(desk, directory, catalogue);
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Its address, such as {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + "/");
  }

  private void exchange(HttpExchange ex) {
    String page = "?";
    int status = 500;
    try (ex) {
      Reply reply;
      Request r = null;
      try {
        r = Request.read(ex, csrf);
        page = route(r.path());
        reply = answer(r, page);
      } catch (Request.Refused e) {
        Chrome c = new Chrome(csrf, Csrf.newSession(), footer, secure);
        reply = Pages.refused(c, e.status, e.why);
      } catch (RuntimeException e) {
        // the class only: a message may quote what was sent
        LOG.warn("page {} failed: {}", page, e.getClass().getName());
        reply = Pages.failed(new Chrome(csrf, Csrf.newSession(), footer, secure));
      }
      status = reply.status();
      headers(ex, reply);
      if (r != null && r.newSession()) {
        ex.getResponseHeaders().add("Set-Cookie", csrf.cookie(r.session()));
      }
      ex.sendResponseHeaders(status, reply.body().length);
      ex.getResponseBody().write(reply.body());
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("page {}: reply not delivered ({})", page, e.getClass().getSimpleName());
    }
    LOG.debug("{} {}", page, status);
  }

  /** The page's name for the log: never the address, which may hold a check URL's token. */
  private static String route(String path) {
    if (path.startsWith(SalePages.CHECK)) {
      return "check";
    }
    return switch (path) {
      case "/", "/buy" -> "buy";
      case "/access" -> "access";
      case "/shop" -> "shop";
      case "/checkin" -> "checkin";
      case "/style.css" -> "style";
      default -> "unknown";
    };
  }

  private Reply answer(Request r, String page) {
    Chrome c = new Chrome(csrf, r.session(), footer, secure);
    if (r.post() && !csrf.accepts(r)) {
      LOG.info("page {}: form refused (no valid form token or another origin)", page);
      return Pages.forged(c);
    }
    return switch (page) {
      case "buy" -> r.post() ? sales.buy(r, c) : sales.buyForm(c);
      case "check" -> sales.check(r, c);
      case "access" -> r.post() ? Pages.refused(c, 405, "Pick a region") : access.show(r, c);
      case "shop" -> r.post() ? shop.buy(r, c) : shop.shopForm(c);
      case "checkin" -> r.post() ? shop.checkIn(r, c) : shop.checkInForm(c);
      case "style" -> new Reply(200, "text/css; charset=utf-8", style, true);
      default -> Pages.notFound(c);
    };
  }

  private void headers(HttpExchange ex, Reply reply) {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", reply.contentType());
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("X-Frame-Options", "DENY");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Cache-Control", reply.cacheable() ? "public, max-age=3600" : "no-store");
    if (reply.status() == 405) {
      h.set("Allow", "GET, POST");
    }
    if (secure) {
      h.set("Strict-Transport-Security", "max-age=31536000");
    }
  }

  /** Stops accepting, lets requests in flight finish (up to a second), stops the threads. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Configures a {@link Storefront}; checked at {@link #start()}. */
  public static final class Builder {
    private final SalesDesk desk;
    private final AccessDirectory directory;
    private final Catalogue catalogue;
    private InetSocketAddress address =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
    private byte[] key;
    private boolean secure;
    private String footer = "";
    private ZoneId zone = ZoneId.of("UTC");
    private int threads = 8;

    private Builder(SalesDesk desk, AccessDirectory directory, Catalogue catalogue) {
      if (desk == null || directory == null || catalogue == null) {
        throw new InvalidConfigurationException(
            (desk == null ? "desk" : directory == null ? "directory" : "catalogue")
                + " is required");
      }
      this.desk = desk;
      this.directory = directory;
      this.catalogue = catalogue;
      this.key = new byte[32];
      new SecureRandom().nextBytes(key);
    }

    /** Where to listen (default 127.0.0.1:8080; port 0 picks a free one). */
    public Builder address(InetSocketAddress address) {
      if (address == null) {
        throw new InvalidConfigurationException("address is required");
      }
      this.address = address;
      return this;
    }

    /**
     * The key form tokens are derived under (at least 32 bytes). Default: random at start, so a
     * restart ends every session (an open form must be reloaded).
     */
    public Builder key(byte[] key) {
      if (key == null || key.length < 32) {
        throw new InvalidConfigurationException("key must have at least 32 bytes");
      }
      this.key = key.clone();
      return this;
    }

    /**
     * Whether browsers reach it over HTTPS (through a proxy that ends TLS): the session cookie is
     * then {@code __Host-} and {@code Secure}, and pages send HSTS. Default false.
     */
    public Builder secure(boolean secure) {
      this.secure = secure;
      return this;
    }

    /** A notice at the bottom of every page (default none), such as who runs the shop. */
    public Builder footer(String footer) {
      if (footer == null || footer.length() > 500) {
        throw new InvalidConfigurationException("footer must be 0 to 500 characters");
      }
      this.footer = footer;
      return this;
    }

    /** The time zone of the times shown, such as a ticket's check-in (default UTC). */
    public Builder zone(ZoneId zone) {
      if (zone == null) {
        throw new InvalidConfigurationException("zone is required");
      }
      this.zone = zone;
      return this;
    }

    /** Threads serving requests (default 8, 1 to 256). */
    public Builder threads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new InvalidConfigurationException("threads must be 1 to 256, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Starts listening. */
    public Storefront start() {
      if (System.getProperty(NODELAY) == null) {
        System.setProperty(NODELAY, "true");
      }
      try {
        return new Storefront(this);
      } catch (IOException e) {
        throw new UncheckedIOException("could not listen on " + address, e);
      }
    }
  }
}
