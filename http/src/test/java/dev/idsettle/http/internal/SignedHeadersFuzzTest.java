package dev.idsettle.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The authentication headers come from anyone: any set of header values parses to well-formed
 * headers or fails with an {@link AuthenticationException}, never another exception. {@code mvn
 * verify} replays the committed inputs; {@code JAZZER_FUZZ=1} fuzzes (see {@code .ci/run}).
 */
class SignedHeadersFuzzTest {
  static final String[] NAMES = {
    SignedHeaders.PARTY, SignedHeaders.TIMESTAMP, SignedHeaders.NONCE, SignedHeaders.SIGNATURE
  };

  @FuzzTest(maxDuration = "30s")
  void anyHeadersParseOrFailAsUnauthenticated(FuzzedDataProvider data) {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : NAMES) {
      int count = data.consumeInt(0, 2);
      List<String> values = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        values.add(data.consumeString(80));
      }
      if (count > 0 || data.consumeBoolean()) {
        headers.put(name, values);
      }
    }
    SignedHeaders h;
    try {
      h = SignedHeaders.parse(headers::get);
    } catch (AuthenticationException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(h.party())
        .isEqualTo(java.util.Objects.requireNonNull(headers.get(SignedHeaders.PARTY)).get(0));
    assertThat(h.timestamp()).isNotNegative();
    assertThat(h.nonce().length()).isBetween(16, 64);
    assertThat(h.signature()).hasSize(32);
    assertThat(Hmac.encode(h.signature()))
        .isEqualTo(java.util.Objects.requireNonNull(headers.get(SignedHeaders.SIGNATURE)).get(0));
  }
}
