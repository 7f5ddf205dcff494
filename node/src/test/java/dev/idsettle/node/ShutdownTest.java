package dev.idsettle.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.http.HttpTransport;
import dev.idsettle.http.ManagerClient;
import dev.idsettle.http.RefusedRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.roles.Unknown;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * Real processes on loopback: a manager over a SQLite file, an authenticator and a terminal, each a
 * child JVM started from its config file. The terminal process activates, the authenticator process
 * authorizes, a forged client is refused, and a manager stopped with SIGTERM in the middle of a
 * load stops gracefully with every answer its clients saw as done in its ledger.
 */
class ShutdownTest {
  private static final int THREADS = 6;
  private static final long START = 10_000;

  @Test
  void rolesAsProcessesServeAndAManagerStoppedMidLoadKeepsEveryConfirmedAnswer() throws Exception {
    Path dir =
        Files.createDirectories(
            Path.of(System.getProperty("idsettle.test.dir", "target/node-test"))
                .resolve("shutdown-" + UUID.randomUUID()));
    NetworkStory.keys(dir);
    Path ledger = dir.resolve("manager.db");
    List<IdNumber> ids =
        NetworkStory.issue(
            NetworkStory.write(dir, "manager", NetworkStory.managerConfig(ledger)), THREADS);
    HttpClient probe = HttpClient.newHttpClient();
    try (NodeProcess manager =
            NetworkStory.launch(dir, "manager", NetworkStory.managerConfig(ledger));
        NodeProcess phone =
            NetworkStory.launch(
                dir,
                "phone-1",
                NetworkStory.relayConfig(
                    "authenticator", "phone-1", manager.api().toString(), "kiosk-phone"));
        NodeProcess till =
            NetworkStory.launch(
                dir,
                "till-1",
                NetworkStory.relayConfig(
                    "terminal", "till-1", manager.api().toString(), "register-1"));
        HttpTransport toTill =
            HttpTransport.builder(till.api(), "register-1", NetworkStory.key(dir, "register-1"))
                .build();
        HttpTransport toPhone =
            HttpTransport.builder(phone.api(), "kiosk-phone", NetworkStory.key(dir, "kiosk-phone"))
                .build();
        HttpTransport forged =
            HttpTransport.builder(phone.api(), "kiosk-phone", NetworkStory.key(dir, "kiosk-web"))
                .build()) {
      for (NodeProcess p : List.of(manager, phone, till)) {
        assertThat(status(probe, p.health().resolve("/health/live"))).isEqualTo(200);
        assertThat(status(probe, p.health().resolve("/health/ready"))).isEqualTo(200);
      }
      SettlementTerminal register = ManagerClient.over(toTill).terminal();
      for (int i = 0; i < ids.size(); i++) {
        assertThat(register.activate(ids.get(i), eur(START), "sale-" + i))
            .isInstanceOf(Activated.class);
      }
      Service service = new Service("phone", eur(300));
      SettlementAuthenticator kiosk = ManagerClient.over(toPhone).authenticator(service);
      assertThat(kiosk.authorize(new AuthorizationRequest(ids.get(0), eur(1), "k", "first")))
          .isInstanceOf(Permit.class);
      SettlementAuthenticator impostor = ManagerClient.over(forged).authenticator(service);
      assertThatThrownBy(
              () -> impostor.authorize(new AuthorizationRequest(ids.get(0), eur(1), "k", "f-1")))
          .isInstanceOf(RefusedRequestException.class)
          .hasMessageContaining("401");

      // the load: one thread per ID, a cent at a time, until the manager is gone
      AtomicLongArray permits = new AtomicLongArray(THREADS);
      AtomicLongArray unknown = new AtomicLongArray(THREADS);
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch loaded = new CountDownLatch(THREADS * 20);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int me = t;
        Thread thread =
            new Thread(
                () -> {
                  for (int n = 0; !stop.get(); n++) {
                    AuthorizationResult r =
                        kiosk.authorize(
                            new AuthorizationRequest(ids.get(me), eur(1), "k", me + "-" + n));
                    if (r instanceof Permit) {
                      permits.incrementAndGet(me);
                      loaded.countDown();
                    } else if (r instanceof Unknown) {
                      unknown.incrementAndGet(me);
                    }
                  }
                });
        threads.add(thread);
        thread.start();
      }
      assertThat(loaded.await(60, TimeUnit.SECONDS)).as("the load got going").isTrue();
      int status = manager.terminate(Duration.ofSeconds(30)); // SIGTERM in the middle of it
      stop.set(true);
      for (Thread thread : threads) {
        thread.join(30_000);
      }
      assertThat(status).as("the JVM's exit after a SIGTERM it handled").isEqualTo(143);
      assertThat(manager.stoppedGracefully()).as("the manager said it stopped").isTrue();
      assertThat(status(probe, phone.health().resolve("/health/ready")))
          .as("an authenticator without its manager is not ready")
          .isEqualTo(503);
      assertThat(status(probe, phone.health().resolve("/health/live"))).isEqualTo(200);

      byte[] issuerKey = NetworkStory.key(dir, "issuer");
      try (Database db = Database.open("jdbc:sqlite:" + ledger, 2);
          IdSettle settle = IdSettle.builder(db.store()).issuerKey(issuerKey).build()) {
        for (int t = 0; t < THREADS; t++) {
          long spent = START - settle.account(ids.get(t)).orElseThrow().posted();
          long confirmed = permits.get(t) + (t == 0 ? 1 : 0);
          assertThat(spent)
              .as("ID %d: every confirmed debit is in the ledger, and no more than the unknown", t)
              .isBetween(confirmed, confirmed + unknown.get(t));
        }
      }
      for (NodeProcess p : List.of(phone, till)) {
        assertThat(p.terminate(Duration.ofSeconds(30))).isEqualTo(143);
        assertThat(p.stoppedGracefully()).isTrue();
      }
    }
  }

  private static int status(HttpClient client, URI uri) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
