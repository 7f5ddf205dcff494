package dev.idsettle.http.message;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the messages. Unknown fields are ignored (a newer peer may add some); a missing
 * required field, a wrong type, trailing data or a version other than {@value #VERSION} is a {@link
 * MalformedMessageException} that names the field and never quotes the input, so an ID number in a
 * bad request does not reach a log. Money is {@code {"minor": 150, "currency": "EUR"}}; an ID
 * number is its digits as a string; a transfer id a UUID. Thread-safe.
 */
public final class Messages {
  /** The message version this side speaks and requires. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = mapper();

  private Messages() {}

  /** {@code message} as JSON (UTF-8). */
  public static byte[] write(Object message) {
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("could not write " + message.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads a {@code type} from {@code json}.
   *
   * @throws MalformedMessageException saying what is wrong and where
   */
  public static <T> T read(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonMappingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new MalformedMessageException("the body is not well-formed JSON");
    } catch (InvalidRequestException e) {
      throw new MalformedMessageException(unquoted(e.getMessage()));
    }
  }

  private static MalformedMessageException malformed(JsonMappingException e) {
    Throwable cause = e.getCause();
    while (cause != null) {
      if (cause instanceof InvalidRequestException) {
        return new MalformedMessageException(where(e) + unquoted(cause.getMessage()));
      }
      cause = cause.getCause();
    }
    // Jackson's own message may quote the input (an ID number): name the field only
    String problem =
        e instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException
            ? "has no known outcome"
            : "is missing or of the wrong type";
    String path = path(e);
    return new MalformedMessageException(
        path.isEmpty() ? "the body is not a message of this kind" : path + " " + problem);
  }

  /**
   * A core-api message without the value it quotes ("{field} {rule}, was {value}"): what a body
   * carries in a field may be an ID number, and a problem answer is logged.
   */
  private static String unquoted(@Nullable String message) {
    String m = String.valueOf(message);
    int was = m.indexOf(", was ");
    return was < 0 ? m : m.substring(0, was);
  }

  private static String where(JsonMappingException e) {
    String path = path(e);
    return path.isEmpty() ? "" : "in " + path + ": ";
  }

  /** The names a path may quote: fields' names and keys without digits, never an ID's. */
  private static final java.util.regex.Pattern QUOTABLE_NAME =
      java.util.regex.Pattern.compile("[A-Za-z_-]{1,40}");

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      String name = r.getFieldName();
      if (name != null && QUOTABLE_NAME.matcher(name).matches()) {
        b.append(b.length() == 0 ? "" : ".").append(name);
      } else if (name != null) {
        // a map's key comes from the body (an envelope's service name): it may hold an ID number
        b.append("[a key]");
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static ObjectMapper mapper() {
    SimpleModule module = new SimpleModule("idsettle-messages");
    module.addSerializer(IdNumber.class, new IdWriter());
    module.addDeserializer(IdNumber.class, new IdReader());
    module.addSerializer(Money.class, new MoneyWriter());
    module.addDeserializer(Money.class, new MoneyReader());
    module.addSerializer(TransferId.class, new TransferIdWriter());
    module.addDeserializer(TransferId.class, new TransferIdReader());
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(module)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(10_000).build());
    return mapper;
  }

  private static final class IdWriter extends JsonSerializer<IdNumber> {
    @Override
    public void serialize(IdNumber id, JsonGenerator gen, SerializerProvider p) throws IOException {
      gen.writeString(id.digits());
    }
  }

  private static final class IdReader extends JsonDeserializer<IdNumber> {
    @Override
    public IdNumber deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw new MalformedMessageException("an ID number must be a string of digits");
      }
      String text = p.getText();
      int length = text.length();
      if (length < IdNumberFormat.MIN_LENGTH || length > IdNumberFormat.MAX_LENGTH) {
        throw new MalformedMessageException(
            "an ID number must have "
                + IdNumberFormat.MIN_LENGTH
                + " to "
                + IdNumberFormat.MAX_LENGTH
                + " digits, had "
                + length
                + " characters");
      }
      return new IdNumberFormat(length).parse(text);
    }
  }

  private static final class MoneyWriter extends JsonSerializer<Money> {
    @Override
    public void serialize(Money m, JsonGenerator gen, SerializerProvider p) throws IOException {
      gen.writeStartObject();
      gen.writeNumberField("minor", m.minor());
      gen.writeStringField("currency", m.currency().getCurrencyCode());
      gen.writeEndObject();
    }
  }

  private static final class MoneyReader extends JsonDeserializer<Money> {
    @Override
    public Money deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      JsonNode node = ctx.readTree(p);
      if (node == null || !node.isObject()) {
        throw new MalformedMessageException(
            "money must be an object {\"minor\": <integer>, \"currency\": <ISO 4217 code>}");
      }
      JsonNode minor = node.get("minor");
      if (minor == null || !minor.isIntegralNumber() || !minor.canConvertToLong()) {
        throw new MalformedMessageException("minor must be an integer number of minor units");
      }
      JsonNode currency = node.get("currency");
      // checked here so that the message never quotes the field (digits could be an ID number)
      if (currency == null || !currency.isTextual() || !currency.textValue().matches("[A-Z]{3}")) {
        throw new MalformedMessageException("currency must be an ISO 4217 code such as \"EUR\"");
      }
      return Money.of(minor.longValue(), currency.textValue());
    }
  }

  private static final class TransferIdWriter extends JsonSerializer<TransferId> {
    @Override
    public void serialize(TransferId id, JsonGenerator gen, SerializerProvider p)
        throws IOException {
      gen.writeString(id.toString());
    }
  }

  private static final class TransferIdReader extends JsonDeserializer<TransferId> {
    @Override
    public TransferId deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw new MalformedMessageException("transferId must be a UUID string");
      }
      try {
        return TransferId.of(UUID.fromString(p.getText()));
      } catch (IllegalArgumentException e) {
        throw new MalformedMessageException("transferId must be a UUID string");
      }
    }
  }
}
