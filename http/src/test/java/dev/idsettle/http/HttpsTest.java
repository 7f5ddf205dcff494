package dev.idsettle.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Unknown;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a self-signed key made by the JDK's keytool when the test runs. */
class HttpsTest {
  static final char[] PASSWORD = "changeit".toCharArray();

  static KeyStore selfSigned(Path dir) throws Exception {
    Path file = dir.resolve("server.p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
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
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, PASSWORD);
    }
    return ks;
  }

  static SSLContext server(KeyStore ks) throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    return ssl;
  }

  static SSLContext trusting(KeyStore ks) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", ks.getCertificate("server"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }

  @Test
  void theRolesWorkOverHttpsAndAClientThatDoesNotTrustTheServerChangesNothing(@TempDir Path dir)
      throws Exception {
    KeyStore ks = selfSigned(dir);
    try (Network net = new Network();
        HttpManagerServer server =
            HttpManagerServer.builder(net.endpoint, net.parties)
                .clock(net.clock)
                .tls(server(ks))
                .start()) {
      assertThat(server.uri().getScheme()).isEqualTo("https");
      IdNumber id = net.issue(1).get(0);
      ManagerClient till =
          ManagerClient.over(
              HttpTransport.builder(server.uri(), "till-1", Network.key(Network.TILL))
                  .clock(net.clock)
                  .tls(trusting(ks))
                  .build());
      assertThat(till.terminal().activate(id, Money.of(500, "EUR"), "sale-1"))
          .isInstanceOf(Activated.class);
      ManagerClient phone =
          ManagerClient.over(
              HttpTransport.builder(server.uri(), "phone-1", Network.key(Network.PHONE_DEVICE))
                  .clock(net.clock)
                  .tls(trusting(ks))
                  .build());
      AuthorizationRequest call = new AuthorizationRequest(id, Money.of(100, "EUR"), "k", "c-1");
      assertThat(phone.authenticator(Network.PHONE).authorize(call)).isInstanceOf(Permit.class);

      ManagerClient untrusting =
          ManagerClient.over(
              HttpTransport.builder(server.uri(), "phone-1", Network.key(Network.PHONE_DEVICE))
                  .clock(net.clock)
                  .build());
      AuthorizationRequest other = new AuthorizationRequest(id, Money.of(100, "EUR"), "k", "c-2");
      assertThat(untrusting.authenticator(Network.PHONE).authorize(other))
          .isInstanceOf(Unknown.class);
      assertThat(net.balance(id)).isEqualTo(400);
    }
  }
}
