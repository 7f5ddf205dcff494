package dev.idsettle.http.message;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessagesTest {
  static byte[] selected(String key, String money) {
    return ("{\"outcome\":\"selected\",\"v\":1,\"unallocated\":{\"minor\":1,\"currency\":\"EUR\"},"
            + "\"envelopes\":{\""
            + key
            + "\":"
            + money
            + "},\"replayed\":false}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aProblemNamesAMapKeyOnlyWhenItHoldsNoDigits() {
    assertThatThrownBy(() -> Messages.read(selected("phone", "7"), Answer.class))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("envelopes.phone");
    // an envelope's key is the sender's text: an ID number put there is never quoted back
    assertThatThrownBy(() -> Messages.read(selected("p4802137569012", "7"), Answer.class))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("envelopes[a key]")
        .hasMessageNotContaining("4802137569012");
  }
}
