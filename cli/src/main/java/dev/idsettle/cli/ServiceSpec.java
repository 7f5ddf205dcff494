package dev.idsettle.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code NAME} or {@code NAME=LOW}: a service and its low-balance reference. */
final class ServiceSpec implements ITypeConverter<ServiceSpec.Spec> {
  @Override
  public Spec convert(String text) {
    int eq = text.indexOf('=');
    String name = eq < 0 ? text : text.substring(0, eq);
    if (!name.matches("[A-Za-z0-9._-]{1,60}")) {
      throw new TypeConversionException(
          "'"
              + Amount.shorten(name)
              + "' is not a service name: 1 to 60 letters, digits, dots, dashes or underscores");
    }
    if (eq < 0) {
      return new Spec(name, null);
    }
    String low = text.substring(eq + 1);
    return new Spec(name, low.matches("0+(\\.0+)?") ? null : Amount.parse(low));
  }

  /** A service name and its low-balance reference, if any. */
  record Spec(String name, @Nullable Amount low) {}
}
