package dev.idsettle.metering.tariff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.metering.Exact;
import dev.idsettle.metering.Rounding;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Reads the rate table an operator edits, a JSON file such as:
 *
 * <pre>{@code
 * {
 *   "currency": "EUR",
 *   "timeZone": "Europe/Paris",
 *   "rounding": "UP",
 *   "rates": [
 *     { "prefix": "33", "name": "France", "connectionFee": "5", "minimumCharge": "0",
 *       "days": ["MON", "TUE", "WED", "THU", "FRI"], "from": "08:00", "until": "20:00",
 *       "validFrom": "2026-01-01", "validUntil": "2026-12-31",
 *       "intervals": [ { "from": 0, "increment": 30, "rate": "21", "per": 60 },
 *                      { "from": 30, "increment": 6, "rate": "21", "per": 60 } ] }
 *   ]
 * }
 * }</pre>
 *
 * Amounts are minor units written as decimals or fractions ({@code "0.35"}, {@code "7/60"}); an
 * interval's {@code rate} is per {@code per} seconds (default: per increment). Only {@code prefix}
 * and {@code intervals} are required in a rate. Every error names the file, the line and the field;
 * fields not listed here are errors too (a misspelt field must not be silently ignored).
 */
final class TariffFile {
  private static final JsonFactory JSON = new JsonFactory();

  private TariffFile() {}

  static Tariff read(Path file) {
    String name = file.toString();
    try (JsonParser p = JSON.createParser(file.toFile())) {
      return new Reader(name, p).tariff();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new TariffFileException(name, line, "(syntax)", e.getOriginalMessage());
    } catch (IOException e) {
      throw new TariffFileException(name, 0, "(file)", "cannot be read: " + e.getMessage());
    }
  }

  /** One pass over the tokens, keeping the path of the current field for error messages. */
  static final class Reader {
    private final String file;
    private final JsonParser p;

    Reader(String file, JsonParser p) {
      this.file = file;
      this.p = p;
    }

    Tariff tariff() throws IOException {
      expect(p.nextToken(), JsonToken.START_OBJECT, "(root)");
      Currency currency = null;
      ZoneId zone = ZoneId.of("UTC");
      Rounding rounding = Rounding.UP;
      List<TariffEntry> entries = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "currency" -> currency = parse(field, () -> Currency.getInstance(text(field)));
          case "timeZone" -> zone = parse(field, () -> ZoneId.of(text(field)));
          case "rounding" ->
              rounding = parse(field, () -> Rounding.valueOf(text(field).toUpperCase(Locale.ROOT)));
          case "rates" -> entries = rates();
          default ->
              throw fail(field, "unknown field (expected currency, timeZone, rounding, rates)");
        }
      }
      if (currency == null) {
        throw fail("currency", "is required (an ISO 4217 code such as EUR)");
      }
      if (entries == null || entries.isEmpty()) {
        throw fail("rates", "is required and must not be empty");
      }
      try {
        return Tariff.of(currency, zone, rounding, entries);
      } catch (InvalidRequestException e) {
        throw fail("rates", String.valueOf(e.getMessage()));
      }
    }

    private List<TariffEntry> rates() throws IOException {
      expect(p.currentToken(), JsonToken.START_ARRAY, "rates");
      List<TariffEntry> entries = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        entries.add(new RateReader(this, "rates[" + entries.size() + "]").read());
      }
      return entries;
    }

    String text(String field) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw fail(field, "must be a string, was " + p.currentToken());
      }
      return p.getText();
    }

    long number(String field) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        throw fail(field, "must be a whole number, was " + p.currentToken());
      }
      return p.getLongValue();
    }

    Exact amount(String field) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return Exact.of(p.getLongValue());
      }
      String t = text(field);
      return parse(field, () -> Exact.parse(t));
    }

    <T> T parse(String field, Parse<T> parse) throws IOException {
      try {
        return parse.run();
      } catch (IllegalArgumentException | DateTimeException | InvalidRequestException e) {
        throw fail(field, String.valueOf(e.getMessage()));
      }
    }

    void expect(JsonToken actual, JsonToken wanted, String field) {
      if (actual != wanted) {
        throw fail(field, "expected " + wanted + ", found " + actual);
      }
    }

    TariffFileException fail(String field, String problem) {
      return new TariffFileException(file, p.currentTokenLocation().getLineNr(), field, problem);
    }

    JsonParser parser() {
      return p;
    }

    String file() {
      return file;
    }
  }

  @FunctionalInterface
  interface Parse<T> {
    T run() throws IOException;
  }
}
