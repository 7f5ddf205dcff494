package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * One slip of a sheet, as printed: its ID (issued inactive), serial number, face value and the
 * service its value will be routed to, if any. {@code toString} masks the ID.
 *
 * @param id the slip's ID number
 * @param serial its serial number
 * @param faceValue the amount a buyer pays and the slip then holds
 * @param service the service the value is usable at only, or null for everywhere
 */
public record Slip(IdNumber id, SlipSerial serial, Money faceValue, @Nullable String service) {
  /** Checks the fields. */
  public Slip {
    Checks.notNull(id, "id");
    Checks.notNull(serial, "serial");
    Checks.notNull(faceValue, "faceValue");
  }

  /** What a terminal reads from this slip. */
  public PrintedSlip printed() {
    return new PrintedSlip(id, serial.toString(), faceValue);
  }
}
