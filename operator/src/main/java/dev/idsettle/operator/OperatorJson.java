package dev.idsettle.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.idsettle.InvalidRequestException;
import java.time.Instant;
import java.util.Currency;

/**
 * The stable JSON form of {@link OperatorReport} and {@link Reconciliation} (and their parts), for
 * a command's {@code --json}: each record an object with its components in declaration order,
 * amounts as {@code {"minor": 1500, "currency": "EUR"}}, instants in ISO-8601 ({@code
 * 2026-12-07T22:00:00Z}), enums by name, absent values as {@code null}. Fields are added over time,
 * never renamed or removed.
 */
public final class OperatorJson {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, false)
          .configure(SerializationFeature.INDENT_OUTPUT, true)
          .addModule(
              new SimpleModule("idsettle-operator")
                  .addSerializer(Instant.class, ToStringSerializer.instance)
                  .addSerializer(Currency.class, ToStringSerializer.instance))
          .build();

  private OperatorJson() {}

  /**
   * {@code value} (a report, a reconciliation, or one of their records) as indented JSON.
   *
   * @throws InvalidRequestException if {@code value} is null or not one of this package's records
   */
  public static String write(Object value) {
    if (value == null) {
      throw new InvalidRequestException("value must not be null");
    }
    if (!value.getClass().getPackageName().equals(OperatorJson.class.getPackageName())) {
      throw new InvalidRequestException(
          "value must be a report or a reconciliation of this package, was "
              + value.getClass().getName());
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a record of this package could not be written as JSON", e);
    }
  }
}
