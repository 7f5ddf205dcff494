package dev.idsettle.http.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.roles.DenialReason;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The manager's answer to a {@link Request}, told apart by its {@code outcome} field. Each outcome
 * is one of the roles' sealed results ({@link dev.idsettle.roles.Permit}, {@link
 * dev.idsettle.roles.Denial}, {@link dev.idsettle.roles.Unknown}...) field for field; {@link
 * dev.idsettle.http.Results} maps them both ways. An answer that never arrives is {@code Unknown}
 * for the caller, never a refusal.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
  @JsonSubTypes.Type(Answer.Activated.class),
  @JsonSubTypes.Type(Answer.Permitted.class),
  @JsonSubTypes.Type(Answer.Reversed.class),
  @JsonSubTypes.Type(Answer.Valid.class),
  @JsonSubTypes.Type(Answer.SubIdIssued.class),
  @JsonSubTypes.Type(Answer.Selected.class),
  @JsonSubTypes.Type(Answer.Blocked.class),
  @JsonSubTypes.Type(Answer.Denied.class),
  @JsonSubTypes.Type(Answer.Unknown.class),
  @JsonSubTypes.Type(Answer.Unavailable.class),
  @JsonSubTypes.Type(Answer.Each.class),
  @JsonSubTypes.Type(Answer.TransferState.class)
})
public sealed interface Answer {
  /** The message version. */
  int v();

  /**
   * The ID is active ({@link dev.idsettle.roles.Activated}).
   *
   * @param v the message version
   * @param transferId the ledger transfer that credited it
   * @param amount the amount credited
   * @param balance the ID's available balance now
   * @param replayed whether this is the original answer to an earlier request
   */
  @JsonTypeName("activated")
  record Activated(int v, TransferId transferId, Money amount, Money balance, boolean replayed)
      implements Answer {
    /** Checks every field. */
    public Activated {
      Fields.version(v);
      Fields.require(transferId, "transferId");
      Fields.require(amount, "amount");
      Fields.require(balance, "balance");
    }
  }

  /**
   * Service is permitted and the amount was subtracted ({@link dev.idsettle.roles.Permit}).
   *
   * @param v the message version
   * @param transferId the ledger transfer of the debit
   * @param amount the amount subtracted
   * @param balance the balance after the debit
   * @param lowBalance whether to warn the user (claim 11)
   * @param replayed whether this is the original answer to an earlier request
   */
  @JsonTypeName("permitted")
  record Permitted(
      int v,
      TransferId transferId,
      Money amount,
      Money balance,
      boolean lowBalance,
      boolean replayed)
      implements Answer {
    /** Checks every field. */
    public Permitted {
      Fields.version(v);
      Fields.require(transferId, "transferId");
      Fields.require(amount, "amount");
      Fields.require(balance, "balance");
    }
  }

  /**
   * The activation is undone ({@link dev.idsettle.roles.Reversed}).
   *
   * @param v the message version
   * @param amount the amount taken back
   * @param replayed whether this reversal had been done before
   */
  @JsonTypeName("reversed")
  record Reversed(int v, Money amount, boolean replayed) implements Answer {
    /** Checks every field. */
    public Reversed {
      Fields.version(v);
      Fields.require(amount, "amount");
    }
  }

  /**
   * The ID is validated at the asking service ({@link dev.idsettle.roles.Valid}).
   *
   * @param v the message version
   * @param spendable what the service can spend now
   * @param fromEnvelope whether that is the service's envelope of the ID
   * @param lowBalance whether it is below the service's reference amount
   */
  @JsonTypeName("valid")
  record Valid(int v, Money spendable, boolean fromEnvelope, boolean lowBalance) implements Answer {
    /** Checks every field. */
    public Valid {
      Fields.version(v);
      Fields.require(spendable, "spendable");
    }
  }

  /**
   * The ID's sub-ID for the asking service ({@link dev.idsettle.roles.SubIdIssued}).
   *
   * @param v the message version
   * @param subId the sub-ID (in full: the service presents it later; never logged)
   * @param service the only service it works at
   */
  @JsonTypeName("sub-id-issued")
  record SubIdIssued(int v, IdNumber subId, String service) implements Answer {
    /** Checks every field. */
    public SubIdIssued {
      Fields.version(v);
      Fields.require(subId, "subId");
      Fields.text(service, "service");
    }
  }

  /**
   * Value moved between an ID and its envelopes ({@link dev.idsettle.roles.Selected}).
   *
   * @param v the message version
   * @param unallocated what is left on the ID itself
   * @param envelopes each envelope's available balance, by service name
   * @param replayed whether this is the original outcome of an earlier request
   */
  @JsonTypeName("selected")
  record Selected(int v, Money unallocated, Map<String, Money> envelopes, boolean replayed)
      implements Answer {
    /** Checks every field. */
    public Selected {
      Fields.version(v);
      Fields.require(unallocated, "unallocated");
      envelopes = Fields.map(envelopes, "envelopes", true);
    }
  }

  /**
   * The ID (or sub-ID) is blocked ({@link dev.idsettle.roles.Blocked}).
   *
   * @param v the message version
   * @param accounts how many accounts this call blocked
   */
  @JsonTypeName("blocked")
  record Blocked(int v, int accounts) implements Answer {
    /** Checks every field. */
    public Blocked {
      Fields.version(v);
      if (accounts < 0) {
        throw new MalformedMessageException("accounts must not be negative");
      }
    }
  }

  /**
   * Refused, nothing changed ({@link dev.idsettle.roles.Denial}).
   *
   * @param v the message version
   * @param reason the typed reason
   * @param balance the balance where it explains the denial, else absent
   * @param message what was wrong, in words (never an ID number)
   * @param replayed whether this reference had been refused before
   */
  @JsonTypeName("denied")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Denied(
      int v, DenialReason reason, @Nullable Money balance, String message, boolean replayed)
      implements Answer {
    /** Checks every field. */
    public Denied {
      Fields.version(v);
      Fields.require(reason, "reason");
      Fields.require(message, "message");
    }
  }

  /**
   * The store failed and may have committed ({@link dev.idsettle.roles.Unknown}): retry with the
   * same reference to learn the outcome. Never a refusal.
   *
   * @param v the message version
   * @param message what happened
   */
  @JsonTypeName("unknown")
  record Unknown(int v, String message) implements Answer {
    /** Checks every field. */
    public Unknown {
      Fields.version(v);
      Fields.require(message, "message");
    }
  }

  /**
   * The store failed before committing anything ({@link dev.idsettle.roles.Unavailable}): retry.
   *
   * @param v the message version
   * @param message what happened
   */
  @JsonTypeName("unavailable")
  record Unavailable(int v, String message) implements Answer {
    /** Checks every field. */
    public Unavailable {
      Fields.version(v);
      Fields.require(message, "message");
    }
  }

  /**
   * One answer per request of an {@link Request.AuthorizeAll}, in order.
   *
   * @param v the message version
   * @param results the answers
   */
  @JsonTypeName("each")
  record Each(int v, List<Answer> results) implements Answer {
    /** Checks every field. */
    public Each {
      Fields.version(v);
      results = Fields.list(results, "results", Request.MAX_BATCH);
    }
  }

  /**
   * Where a transfer between the manager and an authenticator stands at the manager, the answer to
   * {@link Request.Reserve}, {@link Request.Confirm}, {@link Request.Cancel} and {@link
   * Request.Repay}. {@link TransferPhase#DONE} and {@link TransferPhase#UNDONE} are final: the
   * manager's ledger never changes them.
   *
   * @param v the message version
   * @param transferId the transfer's id
   * @param phase where it stands
   * @param account the manager's account of the ID, where the transfer has one
   * @param amount the amount reserved or moved, where known
   * @param reason why it was refused, for an undone transfer the ledger refused; else absent
   */
  @JsonTypeName("transfer-state")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TransferState(
      int v,
      TransferId transferId,
      TransferPhase phase,
      @Nullable Long account,
      @Nullable Money amount,
      @Nullable DenialReason reason)
      implements Answer {
    /** Checks every field. */
    public TransferState {
      Fields.version(v);
      Fields.require(transferId, "transferId");
      Fields.require(phase, "phase");
      if (account != null && account <= 0) {
        throw new MalformedMessageException("account must be a positive account number");
      }
    }
  }
}
