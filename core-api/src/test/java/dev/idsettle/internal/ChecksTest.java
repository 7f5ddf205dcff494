package dev.idsettle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ChecksTest {
  @Test
  void quotedTextCannotForgeALogLine() {
    assertThat(Checks.quote("a\r\nb\"c\\d\u202e\u0000"))
        .isEqualTo("\"a\\u000d\\u000ab\\\"c\\\\d\\u202e\\u0000\"");
    assertThat(Checks.quote("x".repeat(1_000_000)))
        .hasSize(Checks.QUOTED + 2 + " ... (1000000 characters)".length() - 1)
        .endsWith("... (1000000 characters)");
    assertThat(Checks.quote(7)).isEqualTo("7");
  }

  @Test
  void textIsCheckedForLengthBlanknessAndControlCharacters() {
    assertThat(Checks.text("till-1", "terminal", 10)).isEqualTo("till-1");
    assertThatThrownBy(() -> Checks.text("till\n1", "terminal", 10))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("terminal must not contain control characters, was \"till\\u000a1\"");
    assertThatThrownBy(() -> Checks.text("   ", "terminal", 10))
        .hasMessageStartingWith("terminal must have 1 to 10 characters");
    assertThatThrownBy(() -> Checks.text("x".repeat(11), "terminal", 10))
        .hasMessageContaining("terminal must have 1 to 10 characters");
    assertThatThrownBy(() -> Checks.text(null, "terminal", 10))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("terminal must not be null");
  }
}
