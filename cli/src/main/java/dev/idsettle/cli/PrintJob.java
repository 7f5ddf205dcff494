package dev.idsettle.cli;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.Slip;
import dev.idsettle.roles.SlipSerial;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A batch's pending print job: the one copy of its ID numbers between {@code batch create} and
 * {@code batch print} (the store keeps only their keyed hashes). Owner-only from its first byte;
 * {@code batch print} deletes it once the print files are written. Lines: a header {@code
 * idsettle-print-job,1,PREFIX,SHEET_SIZE,CURRENCY}, then {@code SERIAL,ID,FACE_MINOR,SERVICE}.
 */
final class PrintJob {
  private static final String MAGIC = "idsettle-print-job";

  private PrintJob() {}

  static Path file(Path dir, String prefix) {
    return dir.resolve(prefix + ".print-job");
  }

  /** Writes {@code issued} to its job file in {@code dir} (which it creates). */
  static Path write(
      Path dir, IssuedSlips issued, Currency currency, ExpiryPolicy expiry, Progress progress) {
    Path file = file(dir, issued.prefix());
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".print-job", ".tmp");
      try {
        KeyFile.ownerOnly(tmp);
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          w.write(
              MAGIC
                  + ",1,"
                  + issued.prefix()
                  + ","
                  + issued.sheetSize()
                  + ","
                  + currency.getCurrencyCode()
                  + ","
                  + expiry.encode()
                  + "\n");
          int n = 0;
          for (Slip s : issued.slips()) {
            w.write(
                s.serial()
                    + ","
                    + s.id().digits()
                    + ","
                    + s.faceValue().minor()
                    + ","
                    + (s.service() == null ? "" : s.service())
                    + "\n");
            if (++n % 1000 == 0) {
              progress.step(1000);
            }
          }
          progress.step(n % 1000);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return file;
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.UNKNOWN,
          "the batch "
              + issued.prefix()
              + " was issued but its print job could not be written to "
              + file
              + " ("
              + e.getMessage()
              + "): its IDs are lost; void it with 'batch void'",
          e);
    }
  }

  /** Reads the job of batch {@code prefix} from {@code dir}. */
  static IssuedSlips read(Path dir, String prefix) {
    return job(dir, prefix).slips();
  }

  /** A job read back: the slips and the expiry they were issued with. */
  record Job(IssuedSlips slips, ExpiryPolicy expiry) {}

  /** Reads the job of batch {@code prefix} from {@code dir}, with its expiry. */
  static Job job(Path dir, String prefix) {
    Path file = file(dir, prefix);
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String[] head = String.valueOf(r.readLine()).split(",", -1);
      if (head.length != 6 || !head[0].equals(MAGIC) || !head[2].equals(prefix)) {
        throw CliException.badInput(file + " is not the print job of batch " + prefix);
      }
      int sheetSize = Integer.parseInt(head[3]);
      Currency currency = Currency.getInstance(head[4]);
      ExpiryPolicy expiry = ExpiryPolicy.decode(head[5]);
      List<Slip> slips = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1);
        if (f.length != 4) {
          throw CliException.badInput(file + ": line " + (slips.size() + 2) + " is malformed");
        }
        slips.add(
            new Slip(
                IdNumber.parse(f[1]),
                SlipSerial.parse(f[0]),
                Money.of(Long.parseLong(f[2]), currency),
                f[3].isEmpty() ? null : f[3]));
      }
      return new Job(new IssuedSlips(prefix, sheetSize, slips), expiry);
    } catch (NoSuchFileException e) {
      throw CliException.badInput(
          "no print job for batch "
              + prefix
              + " in "
              + dir
              + ": a batch is printed once, from the job 'batch create' wrote");
    } catch (IOException | RuntimeException e) {
      if (e instanceof CliException c) {
        throw c;
      }
      throw CliException.badInput(
          file
              + " is damaged ("
              + e.getClass().getSimpleName()
              + "): "
              + Mask.scrub("" + e.getMessage()));
    }
  }
}
