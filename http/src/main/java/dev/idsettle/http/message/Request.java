package dev.idsettle.http.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.TransferId;
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

  /**
   * An authenticator with a store of its own reserves value of an ID at the manager, the first
   * phase of a pull (see docs/REMOTE.md): a hold on the ID's account for the authenticator's
   * service, which lives for the manager's hold timeout unless confirmed or cancelled. Repeating it
   * answers the hold's state and places nothing again.
   *
   * @param v the message version
   * @param transferId the transfer's id, chosen by the authenticator and the same on every retry
   * @param id the ID the value comes from
   * @param amount how much
   */
  record Reserve(int v, TransferId transferId, IdNumber id, Money amount) implements Request {
    /** Checks every field. */
    public Reserve {
      Fields.version(v);
      Fields.require(transferId, "transferId");
      Fields.require(id, "id");
      Fields.require(amount, "amount");
    }
  }

  /**
   * An authenticator confirms a reserved transfer: the manager captures the hold if it is still
   * open and answers the transfer's state either way. Idempotent.
   *
   * @param v the message version
   * @param transferId the id the reserve carried
   */
  record Confirm(int v, TransferId transferId) implements Request {
    /** Checks every field. */
    public Confirm {
      Fields.version(v);
      Fields.require(transferId, "transferId");
    }
  }

  /**
   * An authenticator gives up a transfer: the manager voids the hold if it is open, and bars the
   * transfer id if no reserve has arrived yet (a late one is then refused), and answers the
   * transfer's state. Idempotent; a transfer already confirmed stays done.
   *
   * @param v the message version
   * @param transferId the id the reserve carried
   */
  record Cancel(int v, TransferId transferId) implements Request {
    /** Checks every field. */
    public Cancel {
      Fields.version(v);
      Fields.require(transferId, "transferId");
    }
  }

  /**
   * An authenticator pays unspent value back to the ID's account at the manager, out of what its
   * service was given. Applied once per transfer id; repeating it answers the original outcome.
   *
   * @param v the message version
   * @param transferId the transfer's id, chosen by the authenticator and the same on every retry
   * @param account the manager's account of the ID, as a reserve's answer named it
   * @param amount how much
   */
  record Repay(int v, TransferId transferId, long account, Money amount) implements Request {
    /** Checks every field. */
    public Repay {
      Fields.version(v);
      Fields.require(transferId, "transferId");
      if (account <= 0) {
        throw new MalformedMessageException("account must be a positive account number");
      }
      Fields.require(amount, "amount");
    }
  }
}
