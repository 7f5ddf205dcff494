package dev.idsettle.metering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Description;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A {@link CallRecord} as the description of the transfer that carries it: kind {@value #KIND},
 * JSON with its fields always in one order (so a request submitted again describes its transfer
 * byte for byte as the first time, which the ledger requires of a replay). A record too long for a
 * description ({@value Description#MAX_BODY_BYTES} bytes) keeps its header and total and drops its
 * items ({@code "items":null}); the engine bounds its text fields so that this takes a call with
 * dozens of rate changes.
 */
final class CallRecordJson {
  /** The kind of a call record's description. */
  static final String KIND = "call-record";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CallRecordJson() {}

  static Description describe(CallRecord r, String captures) {
    ObjectNode o = header(r, captures);
    Charge c = r.charge();
    ObjectNode charge = o.putObject("charge");
    charge.put("currency", c.currency().getCurrencyCode());
    charge.put("units", c.units());
    charge.put("billed", c.billedUnits());
    charge.put("amount", c.amount());
    ArrayNode items = charge.putArray("items");
    for (ChargeItem i : c.items()) {
      ObjectNode n = items.addObject();
      n.put("kind", i.kind().name());
      n.put("rate", i.rate());
      n.put("from", i.from());
      n.put("increment", i.increment());
      n.put("count", i.count());
      n.put("price", i.unitPrice().toString());
      n.put("amount", i.amount());
    }
    String body = o.toString();
    if (body.getBytes(StandardCharsets.UTF_8).length > Description.MAX_BODY_BYTES) {
      charge.putNull("items");
      body = o.toString();
    }
    return Description.of(KIND, body);
  }

  private static ObjectNode header(CallRecord r, String captures) {
    ObjectNode o = JSON.createObjectNode();
    o.put("v", 1);
    o.put("session", r.sessionId());
    o.put("service", r.service());
    o.put("who", r.who());
    AccountId account = r.account();
    if (account == null) {
      o.putNull("account");
    } else {
      o.put("account", account.value());
    }
    o.put("access", r.accessNumber());
    o.put("destination", r.destination());
    o.put("rate", r.rate());
    o.put("start", r.start().toString());
    o.put("outcome", r.outcome().name());
    o.put("message", r.message());
    o.put("collected", r.collected());
    o.put("captures", captures);
    return o;
  }

  /**
   * The record {@code d} describes.
   *
   * @throws InvalidRequestException if it is not a call record or is malformed
   */
  static CallRecord read(Description d) {
    if (!d.kind().equals(KIND)) {
      throw new InvalidRequestException("description: kind " + d.kind() + " is not " + KIND);
    }
    try {
      JsonNode o = JSON.readTree(d.body());
      String session = text(o, "session");
      String service = text(o, "service");
      JsonNode c = field(o, "charge");
      Currency currency = Currency.getInstance(text(c, "currency"));
      List<ChargeItem> items = new ArrayList<>();
      for (JsonNode n : c.path("items")) {
        items.add(
            new ChargeItem(
                ChargeItem.Kind.valueOf(text(n, "kind")),
                text(n, "rate"),
                number(n, "from"),
                number(n, "increment"),
                number(n, "count"),
                Exact.parse(text(n, "price")),
                number(n, "amount")));
      }
      JsonNode account = field(o, "account");
      return new CallRecord(
          session,
          service,
          text(o, "who"),
          account.isNull() ? null : new AccountId(account.asLong()),
          text(o, "access"),
          text(o, "destination"),
          text(o, "rate"),
          Instant.parse(text(o, "start")),
          new Charge(currency, number(c, "units"), number(c, "billed"), number(c, "amount"), items),
          number(o, "collected"),
          Outcome.valueOf(text(o, "outcome")),
          CaptureMarks.decode(text(o, "captures"), service, session),
          text(o, "message"));
    } catch (JsonProcessingException | IllegalArgumentException | java.time.DateTimeException e) {
      throw new InvalidRequestException("description: not a call record: " + e.getMessage());
    }
  }

  private static JsonNode field(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null) {
      throw new InvalidRequestException("description: call record has no " + name);
    }
    return n;
  }

  private static String text(JsonNode o, String name) {
    return field(o, name).asText();
  }

  private static long number(JsonNode o, String name) {
    return field(o, name).asLong();
  }
}
