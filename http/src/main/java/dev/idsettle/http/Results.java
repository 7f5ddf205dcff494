package dev.idsettle.http;

import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.Messages;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.ActivationResult;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.BlockResult;
import dev.idsettle.roles.Blocked;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.ReversalResult;
import dev.idsettle.roles.Reversed;
import dev.idsettle.roles.Selected;
import dev.idsettle.roles.SelectionResult;
import dev.idsettle.roles.SubIdIssued;
import dev.idsettle.roles.SubIdResult;
import dev.idsettle.roles.Unavailable;
import dev.idsettle.roles.Unknown;
import dev.idsettle.roles.Valid;
import dev.idsettle.roles.ValidityResult;
import dev.idsettle.spi.StoreException;

/**
 * The roles' sealed results as {@link Answer}s and back, field for field. What cannot cross the
 * wire is the Java cause of an {@link Unknown} or {@link Unavailable}: the caller gets a {@link
 * StoreException} with the server's message and the same {@link StoreException#mayHaveCommitted()}.
 * An answer of the wrong kind for the request (a peer that misbehaves) is {@link Unknown}: the
 * request may have been applied.
 */
public final class Results {
  private static final int V = Messages.VERSION;

  private Results() {}

  /** The answer that carries {@code result}, a result of any role. */
  public static Answer answer(Object result) {
    if (result instanceof Activated a) {
      return new Answer.Activated(V, a.transferId(), a.amount(), a.balance(), a.replayed());
    } else if (result instanceof Permit p) {
      return new Answer.Permitted(
          V, p.transferId(), p.amount(), p.balance(), p.lowBalance(), p.replayed());
    } else if (result instanceof Reversed r) {
      return new Answer.Reversed(V, r.amount(), r.replayed());
    } else if (result instanceof Valid v) {
      return new Answer.Valid(V, v.spendable(), v.fromEnvelope(), v.lowBalance());
    } else if (result instanceof SubIdIssued s) {
      return new Answer.SubIdIssued(V, s.subId(), s.service());
    } else if (result instanceof Selected s) {
      return new Answer.Selected(V, s.unallocated(), s.envelopes(), s.replayed());
    } else if (result instanceof Blocked b) {
      return new Answer.Blocked(V, b.accounts());
    } else if (result instanceof Denial d) {
      return new Answer.Denied(V, d.reason(), d.balance(), d.message(), d.replayed());
    } else if (result instanceof Unknown u) {
      return new Answer.Unknown(V, u.message());
    } else if (result instanceof Unavailable u) {
      return new Answer.Unavailable(V, u.message());
    }
    throw new IllegalArgumentException("not a role's result: " + result.getClass().getName());
  }

  /** The result an activation's answer carries. */
  public static ActivationResult activation(Answer a) {
    if (a instanceof Answer.Activated x) {
      return new Activated(x.transferId(), x.amount(), x.balance(), x.replayed());
    }
    return failure(a);
  }

  /** The result an authorization's answer carries. */
  public static AuthorizationResult authorization(Answer a) {
    if (a instanceof Answer.Permitted x) {
      return new Permit(x.transferId(), x.amount(), x.balance(), x.lowBalance(), x.replayed());
    }
    return failure(a);
  }

  /** The result a reversal's answer carries. */
  public static ReversalResult reversal(Answer a) {
    if (a instanceof Answer.Reversed x) {
      return new Reversed(x.amount(), x.replayed());
    }
    return failure(a);
  }

  /** The result a validity query's answer carries. */
  public static ValidityResult validity(Answer a) {
    if (a instanceof Answer.Valid x) {
      return new Valid(x.spendable(), x.fromEnvelope(), x.lowBalance());
    }
    return failure(a);
  }

  /** The result a sub-ID request's answer carries. */
  public static SubIdResult subId(Answer a) {
    if (a instanceof Answer.SubIdIssued x) {
      return new SubIdIssued(x.subId(), x.service());
    }
    return failure(a);
  }

  /** The result a selection's answer carries. */
  public static SelectionResult selection(Answer a) {
    if (a instanceof Answer.Selected x) {
      return new Selected(x.unallocated(), x.envelopes(), x.replayed());
    }
    return failure(a);
  }

  /** The result a block's or a revocation's answer carries. */
  public static BlockResult block(Answer a) {
    if (a instanceof Answer.Blocked x) {
      return new Blocked(x.accounts());
    }
    return failure(a);
  }

  /** An {@link Unknown} for an answer that did not arrive, or could not be read. */
  public static Unknown unknown(String why) {
    String message =
        "outcome unknown (" + why + "): retry with the same reference to learn it, or reverse";
    return new Unknown(message, new StoreException(message, true));
  }

  /** An {@link Unavailable} for a request that was certainly not sent. */
  public static Unavailable unavailable(String why) {
    String message = "nothing was done (" + why + "): retry";
    return new Unavailable(message, new StoreException(message, false));
  }

  // the outcomes every result type shares; any other answer is one the caller did not ask for
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  private static <R> R failure(Answer a) {
    Object r;
    if (a instanceof Answer.Denied d) {
      r = new Denial(d.reason(), d.balance(), d.message(), d.replayed());
    } else if (a instanceof Answer.Unknown u) {
      r = new Unknown(u.message(), new StoreException(u.message(), true));
    } else if (a instanceof Answer.Unavailable u) {
      r = new Unavailable(u.message(), new StoreException(u.message(), false));
    } else {
      r = unknown("the answer was " + a.getClass().getSimpleName() + ", not one for this request");
    }
    return (R) r;
  }
}
