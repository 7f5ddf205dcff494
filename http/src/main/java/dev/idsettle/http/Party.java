package dev.idsettle.http;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.Service;
import org.jspecify.annotations.Nullable;

/**
 * A registered party of the network, as the server has authenticated it: the roles act for it and
 * never for a name a request's body carries. A terminal party is the terminal of that id; an
 * authenticator party speaks for one service, and its name is the requesting terminal of its
 * authorizations and queries (so the unknown-ID throttle counts per party).
 *
 * @param name the party's name, 1 to {@value AuthorizationRequest#MAX_TERMINAL} characters of
 *     letters, digits, '.', '_' and '-'
 * @param kind what it is
 * @param service the service of an authenticator party; null for others
 */
public record Party(String name, PartyKind kind, @Nullable String service) {
  /**
   * Checks the fields.
   *
   * @throws InvalidRequestException naming the field that is wrong
   */
  public Party {
    if (name == null
        || name.isEmpty()
        || name.length() > AuthorizationRequest.MAX_TERMINAL
        || !name.chars().allMatch(Party::nameChar)) {
      throw new InvalidRequestException(
          "name must have 1 to "
              + AuthorizationRequest.MAX_TERMINAL
              + " letters, digits, '.', '_' or '-'");
    }
    if (kind == null) {
      throw new InvalidRequestException("kind must not be null");
    }
    if ((kind == PartyKind.AUTHENTICATOR) != (service != null)) {
      throw new InvalidRequestException(
          "service must be set for an authenticator party and only for one (party " + name + ")");
    }
    if (service != null && (service.isBlank() || service.length() > Service.MAX_NAME)) {
      throw new InvalidRequestException(
          "service must have 1 to " + Service.MAX_NAME + " characters (party " + name + ")");
    }
  }

  /** The terminal {@code name}. */
  public static Party terminal(String name) {
    return new Party(name, PartyKind.TERMINAL, null);
  }

  /** The authenticator {@code name} of service {@code service}. */
  public static Party authenticator(String name, String service) {
    return new Party(name, PartyKind.AUTHENTICATOR, service);
  }

  /** The manager {@code name}. */
  public static Party manager(String name) {
    return new Party(name, PartyKind.MANAGER, null);
  }

  static boolean nameChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }
}
