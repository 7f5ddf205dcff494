package dev.idsettle.roles;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;

/**
 * A user's terminal asks for service paid from an ID.
 *
 * @param id the ID number the user presented
 * @param amount the service amount
 * @param terminal the requesting terminal, 1 to 60 characters without control characters
 * @param reference the request's idempotency key, unique per terminal: a retry with the same
 *     reference returns the original result; 1 to 200 characters without control characters
 *     <p>Construction throws {@link InvalidRequestException} naming the field that is null, blank,
 *     too long or holds a control character
 */
public record AuthorizationRequest(IdNumber id, Money amount, String terminal, String reference) {
  /** The longest terminal name, in characters. */
  public static final int MAX_TERMINAL = 60;

  /** The longest reference, in characters. */
  public static final int MAX_REFERENCE = 200;

  /** Requires every field. */
  public AuthorizationRequest {
    Checks.notNull(id, "id");
    Checks.notNull(amount, "amount");
    Checks.text(terminal, "terminal", MAX_TERMINAL);
    Checks.text(reference, "reference", MAX_REFERENCE);
  }
}
