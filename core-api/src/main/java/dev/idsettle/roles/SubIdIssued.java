package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;

/**
 * The ID's sub-ID for a service (claim 4): later requests at that service may present it instead of
 * the ID. The same ID at the same service always gets the same sub-ID until it is revoked.
 *
 * @param subId the sub-ID, two digits longer than an ID number (its {@code toString} is masked)
 * @param service the only service it works at
 */
public record SubIdIssued(IdNumber subId, String service) implements SubIdResult {
  /** Requires both. */
  public SubIdIssued {
    Checks.notNull(subId, "subId");
    Checks.notNull(service, "service");
  }
}
