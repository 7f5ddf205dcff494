package dev.idsettle.roles;

import java.util.List;

/**
 * One service's settlement authentication device: permits service only when the ID is valid and its
 * balance covers the amount, then subtracts it.
 */
public interface SettlementAuthenticator {
  /** The service. */
  Service service();

  /** Permits and debits, or denies with a reason, or reports the outcome unknown. */
  AuthorizationResult authorize(AuthorizationRequest request);

  /**
   * Judges many independent requests in one store transaction, each permitted or denied on its own
   * and in order (several debits of one ID apply one after the other).
   *
   * @return one result per request, in order
   */
  List<AuthorizationResult> authorizeAll(List<AuthorizationRequest> requests);
}
