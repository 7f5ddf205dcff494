package dev.idsettle.sheets;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.Slip;
import dev.idsettle.roles.SlipSerial;
import dev.idsettle.roles.Slips;

/**
 * A batch of slips to print: what {@link Slips#issue} returned, or a stream of its slips.
 *
 * <p>The slips are read twice per output, so {@code slips} must give the same slips, in the same
 * order, each time it is iterated (a list does): first to check them and total them, before a byte
 * is written, then to write them. They must all carry the batch prefix, in ascending serial order,
 * in one currency. Nothing else is kept: a million slips pass through one at a time.
 *
 * <p>{@code toString} names the batch and leaves the slips out.
 *
 * @param prefix the batch prefix, as in the slips' serials
 * @param sheetSize how many slips a sheet holds (1 to {@value Slips#MAX_SHEET_SIZE}); slip {@code
 *     PREFIX-n} is on sheet {@code (n - 1) / sheetSize + 1}, and a page holds one sheet's slips
 * @param expiry the expiry policy the batch was issued with, printed on every slip
 * @param slips the slips, in ascending serial order
 */
public record PrintBatch(String prefix, int sheetSize, ExpiryPolicy expiry, Iterable<Slip> slips) {
  /**
   * Checks the fields.
   *
   * @throws InvalidRequestException naming the field that is null or out of range
   */
  public PrintBatch {
    if (prefix == null) {
      throw new InvalidRequestException("prefix must not be null");
    }
    new SlipSerial(prefix, 1); // checks the prefix, naming it
    if (sheetSize < 1 || sheetSize > Slips.MAX_SHEET_SIZE) {
      throw new InvalidRequestException(
          "sheetSize must be 1 to " + Slips.MAX_SHEET_SIZE + ", was " + sheetSize);
    }
    if (expiry == null) {
      throw new InvalidRequestException("expiry must not be null");
    }
    if (slips == null) {
      throw new InvalidRequestException("slips must not be null");
    }
  }

  /**
   * The batch {@code issued}, which was issued with {@code expiry}.
   *
   * @throws InvalidRequestException if an argument is null
   */
  public static PrintBatch of(IssuedSlips issued, ExpiryPolicy expiry) {
    if (issued == null) {
      throw new InvalidRequestException("issued must not be null");
    }
    return new PrintBatch(issued.prefix(), issued.sheetSize(), expiry, issued.slips());
  }

  /** The batch's prefix, sheet size and expiry; never a slip. */
  @Override
  public String toString() {
    return "PrintBatch[prefix=" + prefix + ", sheetSize=" + sheetSize + ", expiry=" + expiry + "]";
  }
}
