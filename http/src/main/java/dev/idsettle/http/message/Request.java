package dev.idsettle.http.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request from a terminal or an authenticator to the settlement manager. Each kind travels to a
 * path of its own ({@link dev.idsettle.http.message.Operation}); the caller is never named in the
 * body: the server passes the authenticated party to the roles. Every request carries {@code v},
 * the message version ({@value Messages#VERSION}), and, where it changes anything, the caller's
 * {@code reference}: the idempotency key, so that a retry returns the original answer.
 */
public sealed interface Request {
  /** The message version. */
  int v();

  /** The most requests one {@link AuthorizeAll} may carry. */
  int MAX_BATCH = 1_000;

  /**
   * A terminal activates an ID (claim 1); with {@code service}, all of its value is usable at that
   * service only (a routed activation, claim 2).
   *
   * @param v the message version
   * @param id the ID read from the media
   * @param amount what the user paid
   * @param reference the terminal's transaction reference (idempotency key)
   * @param service the service the value is routed to, or null for an activation usable everywhere
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Activate(int v, IdNumber id, Money amount, String reference, @Nullable String service)
      implements Request {
    /** Checks every field. */
    public Activate {
      Fields.version(v);
      Fields.require(id, "id");
      Fields.require(amount, "amount");
      Fields.text(reference, "reference");
      if (service != null) {
        Fields.text(service, "service");
      }
    }
  }

  /**
   * A terminal reverses the activation it made under {@code reference}.
   *
   * @param v the message version
   * @param id the ID
   * @param reference the reference of the activation to undo
   */
  record Reverse(int v, IdNumber id, String reference) implements Request {
    /** Checks every field. */
    public Reverse {
      Fields.version(v);
      Fields.require(id, "id");
      Fields.text(reference, "reference");
    }
  }

  /**
   * An authenticator asks for service paid from an ID (or a sub-ID of its service).
   *
   * @param v the message version
   * @param id the ID or sub-ID the user presented
   * @param amount the service amount
   * @param reference the request's idempotency key, unique per authenticator
   */
  record Authorize(int v, IdNumber id, Money amount, String reference) implements Request {
    /** Checks every field. */
    public Authorize {
      Fields.version(v);
      Fields.require(id, "id");
      Fields.require(amount, "amount");
      Fields.text(reference, "reference");
    }
  }

  /**
   * An authenticator's many independent requests, judged in one store transaction, in order.
   *
   * @param v the message version
   * @param requests 1 to {@value Request#MAX_BATCH} requests, each with its own reference
   */
  record AuthorizeAll(int v, List<Authorize> requests) implements Request {
    /** Checks every field. */
    public AuthorizeAll {
      Fields.version(v);
      requests = Fields.list(requests, "requests", MAX_BATCH);
    }
  }

  /**
   * An authenticator asks whether an ID is validated and what its service can spend (claim 3).
   *
   * @param v the message version
   * @param id the ID
   */
  record Query(int v, IdNumber id) implements Request {
    /** Checks every field. */
    public Query {
      Fields.version(v);
      Fields.require(id, "id");
    }
  }

  /**
   * An authenticator asks for the sub-ID of an ID for its service (claim 4).
   *
   * @param v the message version
   * @param id the ID
   */
  record SubId(int v, IdNumber id) implements Request {
    /** Checks every field. */
    public SubId {
      Fields.version(v);
      Fields.require(id, "id");
    }
  }

  /**
   * An authenticator revokes a lost sub-ID of its service.
   *
   * @param v the message version
   * @param subId the sub-ID
   */
  record RevokeSubId(int v, IdNumber subId) implements Request {
    /** Checks every field. */
    public RevokeSubId {
      Fields.version(v);
      Fields.require(subId, "subId");
    }
  }

  /**
   * A terminal's service selection (claim 5): moves each amount from the ID into that service's
   * envelope, all or nothing.
   *
   * @param v the message version
   * @param id the ID
   * @param amounts the amount for each service, by name
   * @param reference the idempotency key
   */
  record Select(int v, IdNumber id, Map<String, Money> amounts, String reference)
      implements Request {
    /** Checks every field. */
    public Select {
      Fields.version(v);
      Fields.require(id, "id");
      amounts = Fields.map(amounts, "amounts", false);
      Fields.text(reference, "reference");
    }
  }

  /**
   * A terminal gives (part of) a service's envelope back to the ID.
   *
   * @param v the message version
   * @param id the ID
   * @param service the envelope's service
   * @param amount how much, or null for all of it
   * @param reference the idempotency key
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record GiveBack(int v, IdNumber id, String service, @Nullable Money amount, String reference)
      implements Request {
    /** Checks every field. */
    public GiveBack {
      Fields.version(v);
      Fields.require(id, "id");
      Fields.text(service, "service");
      Fields.text(reference, "reference");
    }
  }

  /**
   * A terminal moves value from one service's envelope of the ID to another's.
   *
   * @param v the message version
   * @param id the ID
   * @param from the service whose envelope gives
   * @param to the service whose envelope takes
   * @param amount how much
   * @param reference the idempotency key
   */
  record Move(int v, IdNumber id, String from, String to, Money amount, String reference)
      implements Request {
    /** Checks every field. */
    public Move {
      Fields.version(v);
      Fields.require(id, "id");
      Fields.text(from, "from");
      Fields.text(to, "to");
      Fields.require(amount, "amount");
      Fields.text(reference, "reference");
    }
  }

  /**
   * A terminal asks for an ID's unallocated value and envelopes.
   *
   * @param v the message version
   * @param id the ID
   */
  record Balances(int v, IdNumber id) implements Request {
    /** Checks every field. */
    public Balances {
      Fields.version(v);
      Fields.require(id, "id");
    }
  }

  /**
   * A terminal blocks a lost or stolen ID and its envelopes.
   *
   * @param v the message version
   * @param id the ID
   */
  record Block(int v, IdNumber id) implements Request {
    /** Checks every field. */
    public Block {
      Fields.version(v);
      Fields.require(id, "id");
    }
  }
}
