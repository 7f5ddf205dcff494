package dev.idsettle.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Wall time and peak heap of printing a large batch, printed and never asserted (the machine is
 * shared). Off unless asked for: {@code mvn -B -o -pl sheets -am verify -Djacoco.skip=true
 * -Dtest=PrintMeasureTest -Dsurefire.failIfNoSpecifiedTests=false -Dsheets.measure=100000
 * -DargLine=-Xmx128m}. The slips are made as they are read, so the heap measured is the printer's.
 */
@EnabledIfSystemProperty(named = "sheets.measure", matches = "\\d+")
class PrintMeasureTest {
  private interface Print {
    PrintSummary to(PrintBatch batch, OutputStream out) throws Exception;
  }

  /** Runs the measurement outside Maven, so that {@code -Xmx} can bound the heap. */
  public static void main(String[] args) throws Exception {
    System.setProperty("sheets.measure", args[0]);
    new PrintMeasureTest().measure();
  }

  @Test
  void measure() throws Exception {
    int count = Integer.parseInt(System.getProperty("sheets.measure", "0"));
    PrintBatch batch =
        new PrintBatch(
            "M1",
            100,
            TestSlips.EXPIRY,
            TestSlips.generated("M1", count, TestSlips.eur(1000), "calls"));
    SlipPrinter printer = SlipPrinter.builder().build();
    Path dir = Files.createDirectories(Path.of("target", "measure"));
    run("CSV", count, dir.resolve("M1.csv"), batch, printer::writeCsv);
    run("PDF", count, dir.resolve("M1.pdf"), batch, printer::writePdf);
  }

  private static void run(String what, int count, Path file, PrintBatch batch, Print print)
      throws Exception {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    PrintSummary summary;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      summary = print.to(batch, out);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "sheets measure: %s of %d slips: %d ms, %d pages, %.1f MB file, peak heap (sum of the"
            + " pools' peaks) %.1f MB, max heap %.0f MB%n",
        what,
        count,
        ms,
        summary.pages(),
        Files.size(file) / 1e6,
        peak / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6);
    assertThat(summary.count()).isEqualTo(count);
  }
}
