package dev.idsettle.catalog;

import java.time.Instant;

/**
 * The outcome of {@link Catalogue#checkIn}: {@link Admitted}, {@link AlreadyUsed}, {@link
 * NotAdmitted} or {@link Interrupted} (retry with the same nonce: it is not a second use).
 */
public sealed interface CheckInResult
    permits CheckInResult.Admitted,
        CheckInResult.AlreadyUsed,
        CheckInResult.NotAdmitted,
        Interrupted {

  /**
   * Let the holder in: this check-in used the ticket.
   *
   * @param item the ticket's item
   * @param venue the venue that checked it in
   * @param at when it was used
   * @param replayed whether this venue had checked it in before with this nonce (a retry)
   */
  record Admitted(String item, String venue, Instant at, boolean replayed)
      implements CheckInResult {}

  /**
   * The ticket was used before, by another check-in.
   *
   * @param venue the venue that checked it in
   * @param at when
   */
  record AlreadyUsed(String venue, Instant at) implements CheckInResult {}

  /**
   * Do not let the holder in.
   *
   * @param reason why
   */
  record NotAdmitted(Reason reason) implements CheckInResult {}

  /** Why a ticket was not admitted. */
  enum Reason {
    /** No ticket has this code. */
    UNKNOWN_TICKET,
    /** The ticket is for another item (event) than the one checked. */
    WRONG_ITEM,
    /** The ticket was revoked or refunded. */
    REVOKED,
    /** The ticket's validity ended. */
    EXPIRED
  }
}
