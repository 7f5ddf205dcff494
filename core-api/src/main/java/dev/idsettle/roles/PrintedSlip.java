package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;

/**
 * What a terminal read from a slip it sells: the ID, the serial number and the face value printed
 * on it. {@code toString} masks the ID.
 *
 * @param id the ID number
 * @param serial the serial number as printed ({@code PREFIX-NNNNNN})
 * @param faceValue the face value as printed
 */
public record PrintedSlip(IdNumber id, String serial, Money faceValue) {
  /** Checks the fields are present. */
  public PrintedSlip {
    Checks.notNull(id, "id");
    Checks.notNull(serial, "serial");
    Checks.notNull(faceValue, "faceValue");
  }
}
