package dev.idsettle.http.remote;

import dev.idsettle.http.Party;
import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.Request;

/**
 * The manager's side of the transfers between its ledger and an authenticator's (see {@code
 * docs/REMOTE.md}): what {@link dev.idsettle.http.ManagerEndpoint} calls for an authenticator
 * party's {@link Request.Reserve}, {@link Request.Confirm}, {@link Request.Cancel} and {@link
 * Request.Repay}. {@link ManagerTransfers} is the implementation; the interface lets an integrator
 * wrap it (metrics, auditing). An implementation answers {@link Answer.TransferState}, or a {@link
 * Answer.Denied}, {@link Answer.Unknown} or {@link Answer.Unavailable}; it is thread-safe and every
 * call is idempotent per party and transfer id.
 */
public interface Transfers {
  /** Places the hold of a pull, or answers the state of the one placed before. */
  Answer reserve(Party caller, Request.Reserve request);

  /** Captures a pull's hold if it is open, and answers the transfer's state. */
  Answer confirm(Party caller, Request.Confirm request);

  /** Voids a pull's hold if it is open, bars its id if it has not arrived, answers its state. */
  Answer cancel(Party caller, Request.Cancel request);

  /** Pays value back from the caller's service to an ID, once per transfer id. */
  Answer repay(Party caller, Request.Repay request);
}
