package dev.idsettle.cli;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.MalformedIdException;
import dev.idsettle.ledger.ExpiryPolicy;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters whose messages never quote an ID number (picocli names the option). */
final class Converters {
  private Converters() {}

  /** An ID number, 16 digits with its check digit, spaces and dashes ignored. */
  static final class Id implements ITypeConverter<IdNumber> {
    @Override
    public IdNumber convert(String text) {
      try {
        return IdNumber.parse(text);
      } catch (MalformedIdException e) {
        // the library's message never quotes the number; scrubbed anyway
        throw new TypeConversionException("not a valid ID number: " + Mask.scrub(e.getMessage()));
      }
    }
  }

  private static final Pattern SERIAL = Pattern.compile("[A-Z0-9]{1,16}-\\d{6}");

  private static final Pattern RANGE =
      Pattern.compile("([A-Z0-9]{1,16}-\\d{6})(?:(?:-|\\.\\.)([A-Z0-9]{1,16}-\\d{6}))?");

  /** A serial range {@code B7-000001-B7-000100} (or {@code ..} between), or one serial. */
  static final class Range implements ITypeConverter<SerialRange> {
    @Override
    public SerialRange convert(String text) {
      Matcher m = RANGE.matcher(text);
      if (!m.matches()) {
        throw new TypeConversionException(
            "'"
                + Amount.shorten(text)
                + "' is not a serial range: expected FROM-TO, e.g. B7-000001-B7-000100");
      }
      String to = m.group(2);
      return new SerialRange(m.group(1), to == null ? m.group(1) : to);
    }
  }

  /** A slip's serial number, {@code PREFIX-NNNNNN}. */
  static final class Serial implements ITypeConverter<String> {
    @Override
    public String convert(String text) {
      if (!SERIAL.matcher(text).matches()) {
        throw new TypeConversionException(
            "'" + Amount.shorten(text) + "' is not a serial number: expected e.g. B7-000042");
      }
      return text;
    }
  }

  /**
   * An expiry: {@code never}, a date {@code 2027-12-31} (the start of that day, UTC), {@code
   * activation:DAYS} or {@code first-use:DAYS}.
   */
  static final class Expiry implements ITypeConverter<ExpiryPolicy> {
    @Override
    public ExpiryPolicy convert(String text) {
      try {
        if (text.equals("never")) {
          return ExpiryPolicy.never();
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
          return ExpiryPolicy.at(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        for (String kind : new String[] {"activation:", "first-use:"}) {
          if (text.startsWith(kind) && text.substring(kind.length()).matches("\\d{1,5}")) {
            int days = Integer.parseInt(text.substring(kind.length()));
            if (days > 0) {
              return kind.equals("activation:")
                  ? ExpiryPolicy.afterActivation(days)
                  : ExpiryPolicy.afterFirstUse(days);
            }
          }
        }
      } catch (DateTimeParseException e) {
        // falls through to the message below
      }
      throw new TypeConversionException(
          "'"
              + Amount.shorten(text)
              + "' is not an expiry: expected never, a date (2027-12-31), activation:DAYS or"
              + " first-use:DAYS");
    }
  }

  /** {@code NAME=AMOUNT}, e.g. {@code phone=5.00}. */
  static final class ServiceAmount implements ITypeConverter<NamedAmount> {
    @Override
    public NamedAmount convert(String text) {
      int eq = text.indexOf('=');
      if (eq < 1 || eq == text.length() - 1) {
        throw new TypeConversionException(
            "'" + Amount.shorten(text) + "' is not NAME=AMOUNT, e.g. phone=5.00");
      }
      return new NamedAmount(text.substring(0, eq), Amount.parse(text.substring(eq + 1)));
    }
  }

  /** A serial range, both ends inclusive. */
  record SerialRange(String from, String to) {}

  /** A service name with an amount. */
  record NamedAmount(String name, Amount amount) {}
}
