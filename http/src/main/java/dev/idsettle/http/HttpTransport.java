package dev.idsettle.http;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.http.message.Operation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A party's transport to an {@link HttpManagerServer}, on the JDK's own HTTP client (HTTP/1.1,
 * connections kept alive): signs each request with the party's key, a fresh nonce and the clock's
 * time. A reply that does not come within the timeout is an {@link IOException} ({@link
 * ManagerClient} makes it {@code Unknown}); a connection that cannot be made is a {@link
 * RequestNotSentException}. Thread-safe.
 */
public final class HttpTransport implements Transport {
  private final HttpClient client;
  private final URI base;
  private final String party;
  private final RequestSigner signer;
  private final Clock clock;
  private final Duration timeout;

  private HttpTransport(Builder b) {
    HttpClient.Builder client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(b.connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    SSLContext ssl = b.ssl;
    if (ssl != null) {
      client.sslContext(ssl);
    }
    this.client = client.build();
    this.base = b.base;
    this.party = b.party;
    this.signer = RequestSigner.of(b.party, b.key);
    this.clock = b.clock;
    this.timeout = b.timeout;
  }

  /**
   * Starts configuring the transport of party {@code party}, keyed {@code key}, to {@code base}.
   */
  public static Builder builder(URI base, String party, byte[] key) {
    return new Builder(base, party, key);
  }

  @Override
  public String partyName() {
    return party;
  }

  @Override
  public Reply exchange(Operation operation, byte[] body) throws IOException {
    String path = operation.path();
    long now = clock.millis();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signer.headers(path, now, RequestSigner.nonce(), body).forEach(request::header);
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.body());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new RequestNotSentException("could not connect to " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the answer");
    }
  }

  /** Nothing to release: the JDK client's connections close when it is collected. */
  @Override
  public void close() {}

  /** Configures a {@link HttpTransport}; validated at {@link #build()}, naming the setting. */
  public static final class Builder {
    private final URI base;
    private final String party;
    private final byte[] key;
    private @Nullable SSLContext ssl;
    private Clock clock = Clock.systemUTC();
    private Duration timeout = Duration.ofSeconds(10);
    private Duration connectTimeout = Duration.ofSeconds(5);

    private Builder(URI base, String party, byte[] key) {
      if (base == null || party == null || key == null) {
        throw new InvalidConfigurationException("base, party and key must not be null");
      }
      this.base = base;
      this.party = party;
      this.key = key.clone();
    }

    /** Trust for HTTPS (its trust managers hold the server's certificate or its issuer). */
    public Builder tls(SSLContext ssl) {
      if (ssl == null) {
        throw new InvalidConfigurationException("tls must not be null");
      }
      this.ssl = ssl;
      return this;
    }

    /** The clock that stamps requests (default system UTC). */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new InvalidConfigurationException("clock must not be null");
      }
      this.clock = clock;
      return this;
    }

    /** How long to wait for an answer (default 10 s); after it the outcome is {@code Unknown}. */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** How long to wait for a connection (default 5 s); after it nothing was sent. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * The transport.
     *
     * @throws InvalidConfigurationException naming the first bad setting
     */
    public HttpTransport build() {
      String scheme = base.getScheme();
      if (!("http".equals(scheme) || "https".equals(scheme)) || base.getHost() == null) {
        throw new InvalidConfigurationException(
            "base must be an http or https address with a host, was " + base);
      }
      String path = base.getPath();
      if (path != null && !path.isEmpty() && !"/".equals(path)) {
        throw new InvalidConfigurationException("base must have no path, was " + base);
      }
      new Party(party, PartyKind.TERMINAL, null);
      if (key.length < Parties.MIN_KEY_BYTES) {
        throw new InvalidConfigurationException(
            "key must have at least " + Parties.MIN_KEY_BYTES + " bytes, has " + key.length);
      }
      return new HttpTransport(this);
    }

    private static Duration positive(@Nullable Duration d, String setting) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new InvalidConfigurationException(setting + " must be positive, was " + d);
      }
      return d;
    }
  }
}
