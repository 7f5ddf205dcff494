package dev.idsettle.card;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who asked for a debit: a service and one of its terminals. A debit receipt carries its {@link
 * #tag()} under the card's MAC, so a receipt can be settled only by the service and terminal that
 * took it, never by whoever copied it first.
 *
 * @param service the service's name, 1 to 60 characters
 * @param terminal the terminal's id, 1 to 60 characters
 */
public record Payee(String service, String terminal) {

  /** Checks the names. */
  public Payee {
    requireName("service", service);
    requireName("terminal", terminal);
  }

  /**
   * The 16 bytes the card puts in the receipt: the first half of SHA-256 over a label, the service
   * and the terminal, each UTF-8 and followed by a zero byte. Names are not secret; the tag only
   * has to be unique.
   */
  public PayeeTag tag() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("idsettle payee".getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) 0);
      sha.update(service.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(terminal.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return PayeeTag.of(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static void requireName(String field, String name) {
    if (name.isEmpty() || name.length() > 60 || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          field + ": expected 1 to 60 characters without NUL, got " + name.length());
    }
  }
}
