package dev.idsettle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.Slip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch print}: the PDF and the CSV, owner-only, the batch PRINTED, the job gone. */
class BatchPrintTest {
  @TempDir Path dir;

  @Test
  void printWritesThePdfAndCsvOnceAndMarksTheBatchPrinted() throws Exception {
    Cli cli = Cli.sqlite(dir);
    Fixture.init(cli);
    IssuedSlips issued = Fixture.issue(cli, "PR", 2, "--service", "phone");
    Path out = dir.resolve("print");
    JsonNode json =
        cli.run(
                "batch",
                "print",
                "PR",
                "--jobs",
                dir.resolve("jobs").toString(),
                "--out",
                out.toString(),
                "--json")
            .expect(0)
            .json();
    assertThat(json.get("slips").asLong()).isEqualTo(10);
    assertThat(json.get("total").get("minor").asLong()).isEqualTo(10_000);
    assertThat(json.get("pages").asInt()).isPositive();
    assertThat(json.get("state").asText()).isEqualTo("PRINTED");
    Path pdf = Path.of(json.get("pdf").asText());
    Path csv = Path.of(json.get("csv").asText());
    for (Path f : new Path[] {pdf, csv}) {
      assertThat(Files.getPosixFilePermissions(f))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    assertThat(PrintJob.file(dir.resolve("jobs"), "PR")).doesNotExist();
    String csvText = Files.readString(csv);
    String pdfText;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      pdfText = new PDFTextStripper().getText(doc);
    }
    for (Slip s : issued.slips()) {
      assertThat(csvText).contains(s.id().digits()).contains(s.serial().toString());
      assertThat(pdfText).contains(s.id().formatted()).contains(s.serial().toString());
      // the print files hold the IDs; what the CLI printed does not
      assertThat(cli.everything.toString()).doesNotContain(s.id().digits());
    }
    assertThat(cli.run("batch", "state", "PR").expect(0).out()).contains("PRINTED");

    // printed once: the job is gone
    assertThat(
            cli.run("batch", "print", "PR", "--jobs", dir.resolve("jobs").toString())
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("no print job");
    assertThat(cli.run("batch", "print", "NOPE").expect(ExitCodes.BAD_INPUT).err())
        .contains("NOPE");
  }
}
