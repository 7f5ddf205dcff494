package dev.idsettle.http.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP proxy on loopback between the authenticators and the manager that loses, repeats,
 * delays and so reorders messages at random (from a seed): a request dropped before the manager, an
 * answer dropped after it, a request sent twice, every request held back for a random time.
 */
final class ChaosProxy implements AutoCloseable {
  private static final List<String> SIGNED =
      List.of(
          "X-IdSettle-Party", "X-IdSettle-Timestamp", "X-IdSettle-Nonce", "X-IdSettle-Signature");
  private final SplittableRandom random;
  private final URI target;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(daemon());
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofMillis(300))
          .executor(threads)
          .build();
  volatile boolean faults = true;
  final AtomicLong forwarded = new AtomicLong();
  final AtomicLong droppedRequests = new AtomicLong();
  final AtomicLong droppedAnswers = new AtomicLong();
  final AtomicLong duplicated = new AtomicLong();

  ChaosProxy(long seed, URI target) throws IOException {
    this.random = new SplittableRandom(seed);
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::exchange);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private synchronized double next() {
    return random.nextDouble();
  }

  private void exchange(HttpExchange ex) {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target.resolve(ex.getRequestURI().getRawPath()))
              .timeout(Duration.ofSeconds(5))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      for (String h : SIGNED) {
        String value = ex.getRequestHeaders().getFirst(h);
        if (value != null) {
          request.header(h, value);
        }
      }
      HttpRequest out = request.build();
      boolean chaos = faults;
      pause(chaos ? (long) (next() * 150) : 0);
      if (chaos && next() < 0.07) {
        droppedRequests.incrementAndGet();
        return; // closed without an answer: the caller cannot tell whether it arrived
      }
      if (chaos && next() < 0.07) {
        duplicated.incrementAndGet();
        long later = (long) (next() * 400);
        threads.execute(
            () -> {
              pause(later);
              try {
                client.send(out, HttpResponse.BodyHandlers.discarding());
              } catch (IOException e) {
                // a copy lost too
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      }
      HttpResponse<byte[]> response = client.send(out, HttpResponse.BodyHandlers.ofByteArray());
      forwarded.incrementAndGet();
      if (chaos && next() < 0.07) {
        droppedAnswers.incrementAndGet();
        return; // applied, and the answer lost
      }
      byte[] answer = response.body();
      response
          .headers()
          .firstValue("Content-Type")
          .ifPresent(t -> ex.getResponseHeaders().set("Content-Type", t));
      ex.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      ex.getResponseBody().write(answer);
    } catch (IOException e) {
      // the manager is down or went away: the caller gets no answer
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "chaos-proxy");
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
