package dev.idsettle.metering.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.metering.FailureHandling;
import dev.idsettle.metering.MeteredService;
import dev.idsettle.metering.MeteringEngine;
import dev.idsettle.metering.tariff.Tariff;
import dev.idsettle.store.memory.MemoryStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The call session shown in README.md, run as written there. */
class ReadmeExampleTest {
  @Test
  void theReadmeCallSession() throws Exception {
    try (CallFixture f = new CallFixture(MemoryStore.create(), FailureHandling.terminate())) {
      var settle = f.settle;
      var clock = f.clock;
      LineControl lineControl = new RecordingLine();
      IdNumber id = f.newId(2000);
      Path tariffFile = Path.of(getClass().getResource("/tariffs/calls.json").toURI());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream stdout = System.out;
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      try {
        // README: begin
        Tariff tariff = Tariff.load(tariffFile); // rates by destination prefix, JSON
        MeteringEngine phone =
            MeteringEngine.create(
                settle, // an IdSettle: its ledger, clock and currency
                new MeteredService(
                    "phone", 60, Duration.ofSeconds(90), 30, FailureHandling.terminate()));
        CallControl calls = new CallControl(phone, tariff, lineControl, clock);
        calls.dial("call-1", "0800 100 200", id, "33145678901"); // rated, 1st grant held, connected
        calls.report("call-1", 1, 60); // 60 s used: captured, the next 60 s held
        calls.hangUp("call-1", 2, 71); // charged EUR 0.31, the rest released
        System.out.println(calls.explain("call-1")); // why it cost what it cost
        phone.supervise(); // now and then: a silent call ends when its hold times out
        // README: end
      } finally {
        System.setOut(stdout);
      }
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("connection fee (France day): 5 -> 5")
          .contains("units 30 to 72: 7 x 6 at 21/10 (France day) -> 15")
          .contains("total for 71 units (billed 72): EUR 0.31");
      assertThat(f.account(id).posted()).isEqualTo(2000 - 31);
    }
  }
}
