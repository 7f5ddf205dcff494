package dev.idsettle.cli;

import dev.idsettle.roles.BatchState;
import dev.idsettle.sheets.PrintBatch;
import dev.idsettle.sheets.PrintSummary;
import dev.idsettle.sheets.SlipPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code batch print}: the one-time print output of a batch, from its print job. */
@Command(
    name = "print",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a created batch once, from the print job 'batch create' wrote: a PDF of its sheets"
          + " (each slip with its grouped ID, serial, face value, QR code and cut marks) and a CSV"
          + " print file for a card printer with a header of totals, both owner-only; the batch"
          + " becomes PRINTED and the print job is deleted (the ID numbers are then only on paper"
          + " and in these two files)."
    })
final class BatchPrintCommand extends StoreCommand {
  @Parameters(index = "0", paramLabel = "PREFIX", description = "The batch prefix.")
  String prefix = "";

  @Option(
      names = "--jobs",
      paramLabel = "DIR",
      description = "Where print jobs are kept (default: batches/ beside the key file).")
  @Nullable Path jobsDir;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where the PDF and the CSV go (default: the print jobs' directory).")
  @Nullable Path outDir;

  @Option(
      names = "--keep-job",
      description = "Keep the print job after printing (to print again; it holds the IDs).")
  boolean keepJob;

  @Override
  Output.Reply run(Workspace ws) {
    BatchState state = ws.slips.state(prefix);
    Path jobs = BatchCommand.jobs(store, jobsDir);
    PrintJob.Job job = PrintJob.job(jobs, prefix);
    PrintBatch batch = PrintBatch.of(job.slips(), job.expiry());
    long count = job.slips().slips().size();
    SlipPrinter printer = SlipPrinter.builder().clock(main().clock).build();
    Path out = outDir != null ? outDir : jobs;
    Path pdf = out.resolve(prefix + ".pdf");
    Path csv = out.resolve(prefix + ".csv");
    PrintSummary summary;
    try (Progress p = Progress.start(main().progress, "printing " + prefix, count)) {
      summary = write(pdf, o -> printer.writePdf(batch, o, p::stepTo));
    }
    try (Progress p = Progress.start(main().progress, "writing the CSV", count)) {
      write(csv, o -> printer.writeCsv(batch, o, p::stepTo));
    }
    BatchState now =
        state == BatchState.CREATED ? ws.slips.advance(prefix, BatchState.PRINTED) : state;
    if (!keepJob) {
      try {
        Files.delete(PrintJob.file(jobs, prefix));
      } catch (IOException e) {
        throw CliException.badInput(
            "printed, but the print job "
                + PrintJob.file(jobs, prefix)
                + " could not be deleted ("
                + e.getMessage()
                + "): delete it by hand, it holds the IDs");
      }
    }
    Map<String, @Nullable Object> f = new LinkedHashMap<>();
    f.put("prefix", prefix);
    f.put("slips", summary.count());
    f.put("total", Output.money(summary.total()));
    f.put("firstSerial", summary.first().toString());
    f.put("lastSerial", summary.last().toString());
    f.put("pages", summary.pages());
    f.put("pdf", pdf.toString());
    f.put("csv", csv.toString());
    f.put("state", now.name());
    f.put("printJobKept", keepJob);
    return Results.done(
        "batch print",
        null,
        "batch "
            + prefix
            + ": "
            + summary.count()
            + " slips, "
            + Output.text(summary.total())
            + ", "
            + summary.pages()
            + " page(s): "
            + pdf
            + " and "
            + csv
            + " (owner-only: they hold the ID numbers); batch "
            + now,
        f);
  }

  /** What writes one print file. */
  @FunctionalInterface
  interface Writer {
    PrintSummary write(OutputStream out) throws IOException;
  }

  /** Writes {@code file} owner-only from its first byte, whole or not at all. */
  static PrintSummary write(Path file, Writer writer) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".print", ".tmp");
      try {
        KeyFile.ownerOnly(tmp);
        PrintSummary summary;
        try (OutputStream o = Files.newOutputStream(tmp)) {
          summary = writer.write(o);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return summary;
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw CliException.badInput("cannot write " + file + ": " + e.getMessage());
    }
  }
}
