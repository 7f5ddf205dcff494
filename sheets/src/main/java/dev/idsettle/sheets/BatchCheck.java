package dev.idsettle.sheets;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.money.Money;
import dev.idsettle.money.MoneyException;
import dev.idsettle.roles.Slip;
import dev.idsettle.roles.SlipSerial;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * Checks the slips of a batch one at a time and totals them: the same checks before writing (so bad
 * input is refused before a byte is written) and while writing (so an iterable that gives other
 * slips the second time is caught). Messages name the slip by its place and serial, never by its
 * ID.
 */
final class BatchCheck {
  private final PrintBatch batch;
  private final Pager pager;
  private long count;
  private long totalMinor;
  private @Nullable Currency currency;
  private @Nullable SlipSerial first;
  private @Nullable SlipSerial last;

  BatchCheck(PrintBatch batch, SheetLayout layout) {
    this.batch = batch;
    this.pager = new Pager(layout.slipsPerPage(), batch.sheetSize());
  }

  /** Checks {@code slip}, the next one; true if it starts a new page. */
  boolean accept(@Nullable Slip slip) {
    String at = "slips[" + count + "]";
    if (slip == null) {
      throw new InvalidRequestException(at + " must not be null");
    }
    SlipSerial serial = slip.serial();
    if (!serial.prefix().equals(batch.prefix())) {
      throw new InvalidRequestException(
          at + ".serial " + serial + " is not of batch " + batch.prefix());
    }
    if (last != null && serial.sequence() <= last.sequence()) {
      throw new InvalidRequestException(
          at
              + ".serial "
              + serial
              + " follows "
              + last
              + ": slips must be in ascending serial order, each once");
    }
    Money face = slip.faceValue();
    if (currency == null) {
      currency = face.currency();
    } else if (!currency.equals(face.currency())) {
      throw new MoneyException(
          at
              + ".faceValue is in "
              + face.currency().getCurrencyCode()
              + " but the slips before it are in "
              + currency.getCurrencyCode()
              + ": one print holds one currency");
    }
    if (!face.isPositive()) {
      throw new InvalidRequestException(at + ".faceValue must be positive, was " + face);
    }
    try {
      totalMinor = Math.addExact(totalMinor, face.minor());
    } catch (ArithmeticException e) {
      throw new MoneyException(at + ".faceValue: the batch's total face value overflows");
    }
    if (first == null) {
      first = serial;
    }
    last = serial;
    count++;
    return pager.place(serial.sequence());
  }

  Pager pager() {
    return pager;
  }

  long count() {
    return count;
  }

  /** The totals; refuses an empty batch. */
  PrintSummary summary(Instant created) {
    if (currency == null || first == null || last == null) {
      throw new InvalidRequestException(
          "slips of batch " + batch.prefix() + " must hold at least one slip, held none");
    }
    return new PrintSummary(
        batch.prefix(), count, Money.of(totalMinor, currency), first, last, pager.pages(), created);
  }

  /** Checks every slip of {@code batch} and totals them, writing nothing. */
  static PrintSummary scan(PrintBatch batch, SheetLayout layout, Instant created) {
    BatchCheck check = new BatchCheck(batch, layout);
    for (Slip slip : batch.slips()) {
      check.accept(slip);
    }
    return check.summary(created);
  }

  /** Refuses a second pass that did not give the slips of the first. */
  static void requireSame(PrintSummary first, PrintSummary second) {
    if (!first.equals(second)) {
      throw new InvalidRequestException(
          "slips gave "
              + second.count()
              + " slips ("
              + second.first()
              + " to "
              + second.last()
              + ") when written but "
              + first.count()
              + " ("
              + first.first()
              + " to "
              + first.last()
              + ") when checked: it must give the same slips each time it is iterated");
    }
  }
}
