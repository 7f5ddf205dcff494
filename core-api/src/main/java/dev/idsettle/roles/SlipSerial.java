package dev.idsettle.roles;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.internal.Checks;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slip's serial number: its batch's prefix, a dash and its sequence in the batch (from 1), six
 * digits, e.g. {@code B7-000042}. Printed on the slip; unlike the ID, not a secret.
 *
 * @param prefix the batch prefix: 1 to 16 capital letters or digits
 * @param sequence the slip's place in its batch, 1 to {@value #MAX_SEQUENCE}
 */
public record SlipSerial(String prefix, int sequence) implements Comparable<SlipSerial> {
  /** The largest sequence number (and so the most slips in a batch). */
  public static final int MAX_SEQUENCE = 999_999;

  private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,16}");
  private static final Pattern SERIAL = Pattern.compile("([A-Z0-9]{1,16})-(\\d{6})");

  /** Checks the fields. */
  public SlipSerial {
    Checks.notNull(prefix, "prefix");
    requirePrefix(prefix);
    if (sequence < 1 || sequence > MAX_SEQUENCE) {
      throw new InvalidRequestException(
          "serial sequence must be 1 to " + MAX_SEQUENCE + ", was " + sequence);
    }
  }

  /** Parses {@code PREFIX-NNNNNN}, naming what was wrong. */
  public static SlipSerial parse(String serial) {
    Checks.notNull(serial, "serial");
    Matcher m = SERIAL.matcher(serial);
    if (!m.matches()) {
      throw new InvalidRequestException(
          "serial '"
              + (serial.length() > 30 ? serial.substring(0, 30) + "..." : serial)
              + "' is malformed: expected a prefix of 1 to 16 capital letters or digits, a dash"
              + " and six digits, e.g. B7-000042");
    }
    return new SlipSerial(m.group(1), Integer.parseInt(m.group(2)));
  }

  static void requirePrefix(String prefix) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new InvalidRequestException(
          "batch prefix must be 1 to 16 capital letters or digits, was '"
              + (prefix.length() > 30 ? prefix.substring(0, 30) + "..." : prefix)
              + "'");
    }
  }

  @Override
  public int compareTo(SlipSerial o) {
    int c = prefix.compareTo(o.prefix);
    return c != 0 ? c : Integer.compare(sequence, o.sequence);
  }

  /** The printed form, {@code PREFIX-NNNNNN}. */
  @Override
  public String toString() {
    return prefix + "-" + String.format(java.util.Locale.ROOT, "%06d", sequence);
  }
}
