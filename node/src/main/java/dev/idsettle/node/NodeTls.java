package dev.idsettle.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * A node's TLS settings, the config's {@code tls} object: a {@code keyStore} (PKCS12, this node's
 * key and certificate) turns its API listener into HTTPS; a {@code trustStore} (PKCS12, the
 * certificates it trusts) is what its client of the manager trusts ({@code https://} manager
 * address; without one, the JDK's default trust). One {@code passwordFile} (the password on one
 * line) opens both, kept out of the config. The health endpoints stay plain HTTP (local probes).
 *
 * <pre>{@code
 * "tls": {"keyStore": "tls/node.p12", "trustStore": "tls/trust.p12", "passwordFile": "tls/pass"}
 * }</pre>
 */
final class NodeTls {
  static final NodeTls NONE = new NodeTls(null, null);

  final @Nullable SSLContext server;
  final @Nullable SSLContext client;

  private NodeTls(@Nullable SSLContext server, @Nullable SSLContext client) {
    this.server = server;
    this.client = client;
  }

  /** The {@code tls} object of {@code f}, or {@link #NONE} if it has none. */
  static NodeTls read(ConfigFile f) {
    JsonNode tls = f.root().path("tls");
    if (tls.isMissingNode() || tls.isNull()) {
      return NONE;
    }
    if (!tls.isObject()) {
      throw f.error("/tls", "must be an object {keyStore, trustStore, passwordFile}");
    }
    f.onlyKnown(tls, "/tls", Set.of("keyStore", "trustStore", "passwordFile"));
    Path keyStore = f.path("/tls/keyStore");
    Path trustStore = f.path("/tls/trustStore");
    if (keyStore == null && trustStore == null) {
      throw f.error("/tls", "needs a keyStore, a trustStore or both");
    }
    char[] password = password(f);
    try {
      SSLContext server = null;
      if (keyStore != null) {
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(f, "/tls/keyStore", keyStore, password), password);
        server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
      }
      SSLContext client = null;
      if (trustStore != null) {
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(f, "/tls/trustStore", trustStore, password));
        client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
      }
      return new NodeTls(server, client);
    } catch (GeneralSecurityException e) {
      throw f.error("/tls", "cannot be used (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static char[] password(ConfigFile f) {
    f.requiredText("/tls/passwordFile");
    Path file = f.path("/tls/passwordFile");
    if (file == null) {
      throw f.error("/tls/passwordFile", "is required");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
    } catch (IOException e) {
      throw f.error(
          "/tls/passwordFile", "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static KeyStore load(ConfigFile f, String pointer, Path file, char[] password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      // a wrong password and a damaged file read alike here: say both
      throw f.error(
          pointer,
          "cannot read the PKCS12 file "
              + file
              + " with the password of passwordFile ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }
}
