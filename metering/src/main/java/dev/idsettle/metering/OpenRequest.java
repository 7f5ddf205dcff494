package dev.idsettle.metering;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import java.util.Objects;

/**
 * A request to open a metered session (RFC 4006 initial request).
 *
 * @param sessionId the client's id for the session, 1 to 100 characters, unique per service (its
 *     transfer ids derive from it: opening it again changes nothing)
 * @param id the ID number that pays
 * @param rating prices the session's units
 * @param accessNumber where it came in, for the record (the access number dialled), at most 100
 *     characters
 * @param destination what it is for, for the record (the number called, masked), at most 100
 *     characters
 */
public record OpenRequest(
    String sessionId, IdNumber id, Rating rating, String accessNumber, String destination) {
  /** Validates the fields. */
  public OpenRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rating, "rating");
    checkText(sessionId, accessNumber, destination);
  }

  /** The checks of the text fields, shared with a refusal recorded without a request. */
  static void checkText(String sessionId, String accessNumber, String destination) {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(accessNumber, "accessNumber");
    Objects.requireNonNull(destination, "destination");
    if (sessionId.isEmpty() || sessionId.length() > 100) {
      throw new InvalidRequestException("sessionId must have 1 to 100 characters");
    }
    if (accessNumber.length() > 100) {
      throw new InvalidRequestException("accessNumber must have at most 100 characters");
    }
    if (destination.length() > 100) {
      throw new InvalidRequestException("destination must have at most 100 characters");
    }
  }
}
