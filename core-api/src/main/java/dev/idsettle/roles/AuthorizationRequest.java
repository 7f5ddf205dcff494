package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import java.util.Objects;

/**
 * A user's terminal asks for service paid from an ID.
 *
 * @param id the ID number the user presented
 * @param amount the service amount
 * @param terminal the requesting terminal (throttled on unknown IDs)
 * @param reference the request's idempotency key, unique per terminal: a retry with the same
 *     reference returns the original result
 */
public record AuthorizationRequest(IdNumber id, Money amount, String terminal, String reference) {
  /** Requires every field. */
  public AuthorizationRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(terminal, "terminal");
    Objects.requireNonNull(reference, "reference");
    if (terminal.isBlank() || reference.isBlank()) {
      throw new IllegalArgumentException("terminal and reference must not be blank");
    }
  }
}
