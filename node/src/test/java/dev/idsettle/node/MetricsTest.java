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
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Micrometer binding counts what a manager node answered, and its group commits. */
class MetricsTest {
  private static final int PERMITS = 24;

  @Test
  void aManagerNodeCountsRequestsOutcomesByReasonLatenciesAndGroupCommits() throws Exception {
    Path dir =
        Files.createDirectories(
            Path.of(System.getProperty("idsettle.test.dir", "target/node-test"))
                .resolve("metrics-" + UUID.randomUUID()));
    NetworkStory.keys(dir);
    Path ledger = dir.resolve("manager.db");
    Path file = NetworkStory.write(dir, "manager", NetworkStory.managerConfig(ledger));
    List<IdNumber> ids = NetworkStory.issue(file, 2);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Node node = Node.start(NodeConfig.load(file), MicrometerMetrics.to(registry), () -> "");
        HttpTransport till =
            HttpTransport.builder(node.api(), "till-1", NetworkStory.key(dir, "till-1")).build();
        HttpTransport phone =
            HttpTransport.builder(node.api(), "phone-1", NetworkStory.key(dir, "phone-1"))
                .build()) {
      for (int i = 0; i < ids.size(); i++) {
        assertThat(ManagerClient.over(till).terminal().activate(ids.get(i), eur(1000), "s" + i))
            .isInstanceOf(Activated.class);
      }
      SettlementAuthenticator kiosk =
          ManagerClient.over(phone).authenticator(new Service("phone", eur(0)));
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int me = t;
        Thread thread =
            new Thread(
                () -> {
                  for (int n = 0; n < PERMITS / 4; n++) {
                    assertThat(
                            kiosk.authorize(
                                new AuthorizationRequest(
                                    ids.get(me % 2), eur(10), "k", "r-" + me + "-" + n)))
                        .isInstanceOf(Permit.class);
                  }
                });
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(kiosk.authorize(new AuthorizationRequest(ids.get(0), eur(5000), "k", "big")))
          .isInstanceOf(Denial.class);
      // an authenticator may not activate: a problem, counted with its status
      assertThatThrownBy(
              () -> ManagerClient.over(phone).terminal().activate(ids.get(0), eur(1), "x"))
          .isInstanceOf(RefusedRequestException.class);
    }

    assertThat(registry.get("idsettle.requests").tag("operation", "authorize").timer().count())
        .isEqualTo(PERMITS + 1);
    assertThat(
            registry
                .get("idsettle.requests")
                .tag("operation", "authorize")
                .timer()
                .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
        .isPositive();
    assertThat(count(registry, "authorize", "permitted", "none")).isEqualTo(PERMITS);
    assertThat(count(registry, "authorize", "denied", "INSUFFICIENT_BALANCE")).isEqualTo(1);
    assertThat(count(registry, "activate", "activated", "none")).isEqualTo(2);
    assertThat(count(registry, "activate", "problem", "403")).isEqualTo(1);
    DistributionSummary batches = registry.get("idsettle.group.commit.batches").summary();
    DistributionSummary commands = registry.get("idsettle.group.commit.commands").summary();
    assertThat(batches.count()).as("store transactions of group commit").isPositive();
    assertThat((long) batches.totalAmount())
        .as("every activation and permitted debit went through group commit in some batch")
        .isGreaterThanOrEqualTo(2 + PERMITS);
    assertThat(commands.totalAmount()).isGreaterThanOrEqualTo(batches.totalAmount());
  }

  @Test
  void aConfigThatAsksForMetricsShowsThemOnTheHealthAddress() throws Exception {
    Path dir =
        Files.createDirectories(
            Path.of(System.getProperty("idsettle.test.dir", "target/node-test"))
                .resolve("metrics-text-" + UUID.randomUUID()));
    NetworkStory.keys(dir);
    Path ledger = dir.resolve("manager.db");
    Map<String, Object> config = new java.util.LinkedHashMap<>(NetworkStory.managerConfig(ledger));
    config.put("metrics", true);
    Path file = NetworkStory.write(dir, "manager", config);
    List<IdNumber> ids = NetworkStory.issue(file, 1);
    try (Node node = Metrics.start(NodeConfig.load(file));
        HttpTransport till =
            HttpTransport.builder(node.api(), "till-1", NetworkStory.key(dir, "till-1")).build()) {
      assertThat(ManagerClient.over(till).terminal().activate(ids.get(0), eur(1000), "s"))
          .isInstanceOf(Activated.class);
      String text =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(node.health().resolve("/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(text)
          .contains("idsettle.outcomes operation=activate outcome=activated reason=none count=1.0")
          .contains("idsettle.requests operation=activate count=1.0");
    }
  }

  private static double count(
      SimpleMeterRegistry registry, String operation, String outcome, String reason) {
    return registry
        .get("idsettle.outcomes")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .tag("reason", reason)
        .counter()
        .count();
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
