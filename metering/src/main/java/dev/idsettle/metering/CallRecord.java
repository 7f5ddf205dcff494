package dev.idsettle.metering;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.TransferId;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened in one session, refused ones included: who, from where, to what, at which rate,
 * when, for how long, the itemized charge and the ledger transfers that collected it.
 *
 * @param sessionId the session (its transfer ids derive from it: {@link SessionIds})
 * @param service the metered service
 * @param who the ID number, masked
 * @param account the ID's account, when the ID was found
 * @param accessNumber where the session came in (the access number dialled, a parking meter)
 * @param destination what it was for (the number called, masked; a zone), empty if none
 * @param rate the name of the rate that priced it (empty when it was never rated)
 * @param start when it was opened
 * @param charge the itemized charge of the units used
 * @param collected what the ledger collected (the charge, less what could not be: a hold that timed
 *     out before its capture, usage beyond the reservations under {@link
 *     FailureHandling#continueUpTo})
 * @param outcome how it ended
 * @param captures the ledger transfers (captures and posts) that collected it
 * @param message in words
 */
public record CallRecord(
    String sessionId,
    String service,
    String who,
    @Nullable AccountId account,
    String accessNumber,
    String destination,
    String rate,
    Instant start,
    Charge charge,
    long collected,
    Outcome outcome,
    List<TransferId> captures,
    String message) {
  /** Checks the fields. */
  public CallRecord {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(accessNumber, "accessNumber");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(charge, "charge");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    captures = List.copyOf(captures);
  }

  /** The record of a session that never started: no charge, no captures. */
  public static CallRecord refused(
      String sessionId,
      String service,
      String who,
      @Nullable AccountId account,
      String accessNumber,
      String destination,
      String rate,
      Instant start,
      Currency currency,
      Outcome outcome,
      String message) {
    return new CallRecord(
        sessionId,
        service,
        who,
        account,
        accessNumber,
        destination,
        rate,
        start,
        new Charge(currency, 0, 0, 0, List.of()),
        0,
        outcome,
        List.of(),
        message);
  }

  /** The units used. */
  public long units() {
    return charge.units();
  }

  /** Why the session cost what it cost: the record's header, then the itemized charge. */
  public String explain() {
    return sessionId
        + " "
        + outcome
        + " from "
        + accessNumber
        + " to "
        + destination
        + " at "
        + start
        + " by "
        + who
        + (collected == charge.amount() ? "" : " (collected " + collected + ")")
        + "\n"
        + charge.explain();
  }
}
