package dev.idsettle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.spi.StoreException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  void storeFailuresAreUnknownOrUnavailableByWhetherTheyMayHaveCommitted() {
    assertThat(Failures.of(new StoreException("lost", true)).exitCode())
        .isEqualTo(ExitCodes.UNKNOWN);
    assertThat(Failures.of(new StoreException("down", false)).exitCode())
        .isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(Failures.of(new RuntimeException(new SQLException("gone"))).exitCode())
        .isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(Failures.of(new InvalidRequestException("bad")).exitCode())
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(Failures.of(new IllegalStateException("bug")).exitCode())
        .isEqualTo(ExitCodes.INTERNAL);
  }

  @Test
  void maskHidesAnyLongRunOfDigitsButItsLastFour() {
    assertThat(Mask.scrub("id 1234 5678 9012 3456 and 1234-5678-9012-3456 and 1234567890123456"))
        .isEqualTo("id ************3456 and ************3456 and ************3456");
    assertThat(Mask.scrub("B7-000042 costs 1000")).isEqualTo("B7-000042 costs 1000");
    assertThat(Mask.scrub(null)).isEmpty();
  }

  @Test
  void progressIsSilentUnlessShownAndRunsWhenShown() {
    try (Progress p = Progress.start(false, "x", 10)) {
      p.step(5);
    }
    try (Progress p = Progress.start(true, "x", 10)) {
      p.step(10);
    }
    assertThat(Main.stderrIsTerminal()).isFalse();
  }
}
