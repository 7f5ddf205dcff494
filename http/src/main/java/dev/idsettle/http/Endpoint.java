package dev.idsettle.http;

import dev.idsettle.http.message.Operation;

/**
 * What an {@link HttpManagerServer} hands each authenticated request to: the manager's own {@link
 * ManagerEndpoint}, or another party's front (a node that relays its clients' requests to the
 * manager, a wrapper that records metrics). Implementations are thread-safe and never throw: every
 * failure is a reply.
 */
@FunctionalInterface
public interface Endpoint {
  /**
   * Answers {@code body}, a request of {@code operation} from the authenticated {@code caller}: 200
   * with a JSON answer, or an RFC 9457 problem.
   */
  Reply handle(Party caller, Operation operation, byte[] body);
}
