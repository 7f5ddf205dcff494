package dev.idsettle.ledger;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.internal.Checks;
import java.nio.charset.StandardCharsets;

/**
 * What a person reads later about a transfer, stored with it in the same store transaction so that
 * the record and its money can never disagree: a call's destination and increments, a sale's order,
 * the IDs a merge joined. Attach one to a command with {@link
 * LedgerCommand.TransferCommand#describedAs}; read it back with the transfer ({@link
 * Transfer#description()}, {@link Ledger#transfer}).
 *
 * <p>A description is part of the transfer's content: a replay of the transfer id with another
 * description is refused with {@link Refusal#ID_REUSED}, as any other difference is, and a replay
 * returns the original description.
 *
 * @param kind what the body says and how to read it, such as {@code "call.v1"} or {@code
 *     "sale.order"}: 1 to {@value #MAX_KIND_LENGTH} characters of {@code a-z}, {@code 0-9}, {@code
 *     .}, {@code _} and {@code -}
 * @param body the text, by convention JSON for the {@code kind}: at most {@value #MAX_BODY_BYTES}
 *     bytes in UTF-8, well-formed (no lone surrogate) and without the NUL character, which not
 *     every database can store; may be empty. A full ID number does not belong here: the body is
 *     stored and read in clear.
 */
public record Description(String kind, String body) {
  /** The longest {@link #kind}, in characters. */
  public static final int MAX_KIND_LENGTH = 64;

  /** The longest {@link #body}, in bytes of UTF-8. */
  public static final int MAX_BODY_BYTES = 4096;

  /**
   * Checks both fields.
   *
   * @throws DescriptionTooLongException if the body is longer than {@value #MAX_BODY_BYTES} bytes
   * @throws InvalidRequestException if a field is missing or malformed
   */
  public Description {
    Checks.notNull(kind, "kind");
    Checks.notNull(body, "body");
    if (kind.isEmpty() || kind.length() > MAX_KIND_LENGTH || !isKind(kind)) {
      throw Checks.invalid(
          "kind",
          kind,
          "must have 1 to " + MAX_KIND_LENGTH + " characters of a-z, 0-9, '.', '_' and '-'");
    }
    int bytes = utf8Length(body);
    if (bytes > MAX_BODY_BYTES) {
      throw new DescriptionTooLongException(bytes);
    }
  }

  /** A description of {@code kind} saying {@code body}. */
  public static Description of(String kind, String body) {
    return new Description(kind, body);
  }

  /** The body as UTF-8. */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** Shows the kind and the body's size, not the body (it may name a person or a number). */
  @Override
  public String toString() {
    return "Description[kind=" + kind + ", body=" + utf8Length(body) + " bytes]";
  }

  private static boolean isKind(String kind) {
    for (int i = 0; i < kind.length(); i++) {
      char c = kind.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The length in UTF-8, refusing NUL and lone surrogates (which UTF-8 cannot carry). */
  private static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        throw new InvalidRequestException("body must not contain the NUL character (at " + i + ")");
      }
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidRequestException(
            "body must be well-formed UTF-16, has a lone surrogate at " + i);
      } else {
        n += 3;
      }
    }
    return n;
  }
}
