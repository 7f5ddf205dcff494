package dev.idsettle.http.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message bodies come from the network: any bytes decode, as any request and as an answer, to a
 * message that writes back and reads to itself, or fail with a {@link MalformedMessageException}
 * whose message never repeats a run of digits long enough to be an ID number. {@code mvn verify}
 * replays the committed inputs; {@code JAZZER_FUZZ=1} fuzzes (see {@code .ci/run}).
 */
class MessageFuzzTest {
  static final Pattern DIGITS = Pattern.compile("[0-9]{8,}");

  @FuzzTest(maxDuration = "30s")
  void anyBodyIsAMessageOrAMalformedMessageException(FuzzedDataProvider data) {
    Operation[] ops = Operation.values();
    Class<?> type =
        data.consumeBoolean()
            ? Answer.class
            : ops[data.consumeInt(0, ops.length - 1)].requestType();
    byte[] body = data.consumeRemainingAsBytes();
    Object message;
    try {
      message = Messages.read(body, type);
    } catch (MalformedMessageException e) {
      assertThat(e.getMessage()).isNotBlank();
      Matcher m = DIGITS.matcher(e.getMessage());
      while (m.find()) {
        assertThat(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1))
            .as("a problem quoted digits of the input")
            .doesNotContain(m.group());
      }
      return;
    }
    assertThat(message).isInstanceOf(type);
    assertThat(Messages.read(Messages.write(message), type)).isEqualTo(message);
  }
}
