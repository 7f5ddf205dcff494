package dev.idsettle.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.http.HttpTransport;
import dev.idsettle.http.ManagerClient;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.Blocked;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SubIdIssued;
import dev.idsettle.roles.Unknown;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An authenticator node with a ledger of its own, on real servers on loopback: it loads value from
 * the manager node, serves it, follows a sub-ID revoked through it, and serves on while the manager
 * is stopped.
 */
class DeviceNodeTest {
  @Test
  void anAuthenticatorWithItsOwnLedgerServesWhileTheManagerIsStopped() throws Exception {
    Path dir =
        Files.createDirectories(
            Path.of(System.getProperty("idsettle.test.dir", "target/node-test"))
                .resolve("device-" + UUID.randomUUID()));
    NetworkStory.keys(dir);
    Path managerFile =
        NetworkStory.write(dir, "manager", NetworkStory.managerConfig(dir.resolve("manager.db")));
    IdNumber id = NetworkStory.issue(managerFile, 1).get(0);
    Node manager = Node.start(NodeConfig.load(managerFile));
    Map<String, Object> deviceConfig =
        NetworkStory.deviceConfig(dir.resolve("web-1.db"), manager.api().toString());
    Path deviceFile = NetworkStory.write(dir, "web-1", deviceConfig);
    try (Node device = Node.start(NodeConfig.load(deviceFile));
        HttpTransport till =
            HttpTransport.builder(manager.api(), "till-1", NetworkStory.key(dir, "till-1"))
                .build();
        HttpTransport kiosk =
            HttpTransport.builder(device.api(), "kiosk-web", NetworkStory.key(dir, "kiosk-web"))
                .build()) {
      ManagerClient web = ManagerClient.over(kiosk);
      SettlementAuthenticator served = web.authenticator(new Service("web", eur(100)));
      assertThat(ManagerClient.over(till).terminal().activate(id, eur(2000), "sale-1"))
          .isInstanceOf(Activated.class);
      assertThat(web.activate(id, eur(800), "web", "load-1")).isInstanceOf(Activated.class);
      assertThat(served.authorize(request(id, 300, "r1"))).isInstanceOf(Permit.class);

      // a sub-ID (from the manager, relayed) is served, then revoked through the node: no more
      IdNumber sub = ((SubIdIssued) web.subId(id)).subId();
      assertThat(served.authorize(request(sub, 100, "r2"))).isInstanceOf(Permit.class);
      assertThat(web.revokeSubId(sub)).isInstanceOf(Blocked.class);
      assertThat(served.authorize(request(sub, 100, "r3")))
          .isInstanceOfSatisfying(
              Denial.class, d -> assertThat(d.reason()).isEqualTo(DenialReason.UNKNOWN_ID));
      // its value went back to the ID at the manager: 2000 - 800 + 400
      assertThat(ManagerClient.over(till).selector().balances(id).toString()).contains("16.00");

      assertThat(web.activate(id, eur(500), "web", "load-2"))
          .isInstanceOfSatisfying(
              Activated.class, a -> assertThat(a.balance()).isEqualTo(eur(500)));
      manager.close();
      assertThat(served.authorize(request(id, 200, "r4")))
          .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.balance()).isEqualTo(eur(300)));
      assertThat(status(device.health().resolve("/health/ready"))).isEqualTo(200);
      // giving back needs the manager: not known yet, the value stays held here
      assertThat(web.terminal().reverse(id, "back-1")).isInstanceOf(Unknown.class);
      assertThat(served.authorize(request(id, 100, "r5"))).isInstanceOf(Denial.class);
    } finally {
      manager.close();
    }
    // the device's ledger was closed with the give-back pending: a new manager would finish it
    assertThat(Files.exists(dir.resolve("web-1.db"))).isTrue();
  }

  @Test
  void aDeviceConfigNeedsItsServiceAndKey() throws Exception {
    Path dir =
        Files.createDirectories(
            Path.of(System.getProperty("idsettle.test.dir", "target/node-test"))
                .resolve("device-config-" + UUID.randomUUID()));
    NetworkStory.keys(dir);
    Map<String, Object> c =
        NetworkStory.deviceConfig(dir.resolve("web-1.db"), "http://127.0.0.1:9");
    c.remove("service");
    Path file = NetworkStory.write(dir, "web-1", c);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NodeConfig.load(file))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("service: must be a service");
    Map<String, Object> relay =
        NetworkStory.relayConfig("terminal", "till-1", "http://127.0.0.1:9", "register-1");
    relay.put("deviceKeyFile", "keys/web-1-device.key");
    Path bad = NetworkStory.write(dir, "till-1", relay);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NodeConfig.load(bad))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("deviceKeyFile");
  }

  private static int status(URI uri) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    return client
        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static AuthorizationRequest request(IdNumber id, long minor, String reference) {
    return new AuthorizationRequest(id, eur(minor), "kiosk", reference);
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
