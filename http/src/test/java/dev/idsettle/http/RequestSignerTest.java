package dev.idsettle.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.http.internal.SignedHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The public signer: its signature is the canonical form written out independently here (the
 * server's acceptance of it is {@link HttpSecurityTest}'s), and misuse is refused by name.
 */
class RequestSignerTest {
  static final byte[] KEY = Network.key(5);
  static final byte[] BODY = "{\"v\":1}".getBytes(StandardCharsets.UTF_8);

  @Test
  void signsTheCanonicalFormOfMethodPathPartyTimestampNonceAndBody() throws Exception {
    Map<String, String> h =
        RequestSigner.of("till-1", KEY).headers("/v1/authorize", 1234L, "nonce-0123456789", BODY);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    mac.update(
        "POST\n/v1/authorize\ntill-1\n1234\nnonce-0123456789\n".getBytes(StandardCharsets.UTF_8));
    String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(BODY));
    assertThat(h)
        .containsExactly(
            Map.entry(SignedHeaders.PARTY, "till-1"),
            Map.entry(SignedHeaders.TIMESTAMP, "1234"),
            Map.entry(SignedHeaders.NONCE, "nonce-0123456789"),
            Map.entry(SignedHeaders.SIGNATURE, expected));
  }

  @Test
  void aSignatureDependsOnEveryPart() {
    RequestSigner s = RequestSigner.of("till-1", KEY);
    String base = s.headers("/v1/a", 1, "nonce-0123456789", BODY).get(SignedHeaders.SIGNATURE);
    assertThat(s.headers("/v1/b", 1, "nonce-0123456789", BODY).get(SignedHeaders.SIGNATURE))
        .isNotEqualTo(base);
    assertThat(s.headers("/v1/a", 2, "nonce-0123456789", BODY).get(SignedHeaders.SIGNATURE))
        .isNotEqualTo(base);
    assertThat(s.headers("/v1/a", 1, "nonce-0123456788", BODY).get(SignedHeaders.SIGNATURE))
        .isNotEqualTo(base);
    assertThat(s.headers("/v1/a", 1, "nonce-0123456789", new byte[0]).get(SignedHeaders.SIGNATURE))
        .isNotEqualTo(base);
    assertThat(
            RequestSigner.of("till-2", KEY)
                .headers("/v1/a", 1, "nonce-0123456789", BODY)
                .get(SignedHeaders.SIGNATURE))
        .isNotEqualTo(base);
  }

  @Test
  void misuseIsRefusedByName() {
    assertThatThrownBy(() -> RequestSigner.of("till-1", new byte[31]))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("key");
    RequestSigner s = RequestSigner.of("till-1", KEY);
    assertThatThrownBy(() -> s.headers("v1/a", 1, "nonce-0123456789", BODY))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("path");
    assertThat(s.toString())
        .contains("till-1")
        .doesNotContain(Base64.getEncoder().encodeToString(KEY));
    assertThat(RequestSigner.nonce()).hasSize(22).isNotEqualTo(RequestSigner.nonce());
  }
}
