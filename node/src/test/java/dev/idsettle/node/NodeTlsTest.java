package dev.idsettle.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.http.HttpTransport;
import dev.idsettle.http.ManagerClient;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * TLS from the config: a manager node with a key store serves HTTPS, a terminal node with a trust
 * store reaches it (and serves HTTPS itself), one without that trust store cannot; the key is
 * self-signed by the JDK's keytool when the test runs.
 */
class NodeTlsTest {
  private static final String PASSWORD = "changeit";

  @Test
  void aKeyStoreMakesTheListenerHttpsAndATrustStoreItsClient() throws Exception {
    Path dir =
        Files.createDirectories(
            Path.of(System.getProperty("idsettle.test.dir", "target/node-test"))
                .resolve("tls-" + UUID.randomUUID()));
    NetworkStory.keys(dir);
    KeyStore key = selfSigned(dir.resolve("node.p12"));
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("node", key.getCertificate("node"));
    try (OutputStream out = Files.newOutputStream(dir.resolve("trust.p12"))) {
      trust.store(out, PASSWORD.toCharArray());
    }
    Files.writeString(dir.resolve("password"), PASSWORD + "\n");

    Map<String, Object> m = NetworkStory.managerConfig(dir.resolve("manager.db"));
    m.put("tls", Map.of("keyStore", "node.p12", "passwordFile", "password"));
    Path managerFile = NetworkStory.write(dir, "manager", m);
    IdNumber id = NetworkStory.issue(managerFile, 1).get(0);
    try (Node manager = Node.start(NodeConfig.load(managerFile))) {
      assertThat(manager.api().getScheme()).isEqualTo("https");
      String at = manager.api().toString();
      Map<String, Object> t = NetworkStory.relayConfig("terminal", "till-1", at, "register-1");
      t.put(
          "tls",
          Map.of("keyStore", "node.p12", "trustStore", "trust.p12", "passwordFile", "password"));
      Map<String, Object> untrusting =
          NetworkStory.relayConfig("terminal", "till-1", at, "register-1");
      try (Node till = Node.start(NodeConfig.load(NetworkStory.write(dir, "till-1", t)));
          Node blind = Node.start(NodeConfig.load(NetworkStory.write(dir, "blind", untrusting)));
          HttpTransport register =
              HttpTransport.builder(till.api(), "register-1", NetworkStory.key(dir, "register-1"))
                  .tls(trusting(trust))
                  .build();
          HttpTransport plain =
              HttpTransport.builder(blind.api(), "register-1", NetworkStory.key(dir, "register-1"))
                  .build()) {
        assertThat(till.api().getScheme()).isEqualTo("https");
        assertThat(blind.api().getScheme()).isEqualTo("http");
        // without the trust store the self-signed manager is refused: nothing happens
        assertThat(ManagerClient.over(plain).terminal().activate(id, eur(1000), "sale-0"))
            .isNotInstanceOf(Activated.class);
        assertThat(ManagerClient.over(register).terminal().activate(id, eur(1000), "sale-1"))
            .isInstanceOfSatisfying(
                Activated.class, a -> assertThat(a.balance()).isEqualTo(eur(1000)));
      }
    }
  }

  private static KeyStore selfSigned(Path file) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "node",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    return ks;
  }

  private static SSLContext trusting(KeyStore trust) throws Exception {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
