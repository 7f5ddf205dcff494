package dev.idsettle.roles;

import static dev.idsettle.roles.Answers.miss;
import static dev.idsettle.roles.Answers.requireText;
import static dev.idsettle.roles.Answers.wrongService;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.spi.StoreException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's sub-ID calls (claim 4): issue, revoke, and the look-up of a presented sub-ID. A
 * sub-ID never issued, a revoked one and one of another service are answered alike, as a miss in
 * the asking handle's guessing budgets.
 */
final class SubIdDesk {
  private static final Logger LOG = LoggerFactory.getLogger(SubIdDesk.class);

  private final DefaultSettlementManager manager;
  private final SubIds subIds;
  private final Routes routes;

  SubIdDesk(DefaultSettlementManager manager) {
    this.manager = manager;
    this.subIds = manager.subIds;
    this.routes = manager.routes;
  }

  /** See {@link SettlementManager#subId}. */
  SubIdResult issue(IdNumber id, String service, String requester) {
    Checks.notNull(id, "id");
    requireText("requester", requester, 60);
    manager.registered(service);
    if (subIds.isSubId(id)) {
      throw new InvalidRequestException("id is a sub-ID: present the ID it belongs to");
    }
    try {
      Object sold = manager.sold(id, manager.requester(requester, service));
      if (sold instanceof Denial d) {
        return d;
      }
      Account master = (Account) sold;
      Denial unusable = manager.unusable(master, id);
      if (unusable != null) {
        return unusable;
      }
      String routed = routes.route(master.id());
      if (routed != null && !routed.equals(service)) {
        return wrongService(id, service);
      }
      IdNumber subId = subIds.issue(master.id(), service);
      if (subId == null) {
        return new Denial(
            DenialReason.BLOCKED,
            null,
            "every sub-ID of ID " + id + " at " + service + " was revoked: no more are issued");
      }
      return new SubIdIssued(subId, service);
    } catch (StoreException e) {
      return StoreFailures.subId(e);
    }
  }

  /** See {@link SettlementManager#revokeSubId(IdNumber, String)}; all services for a null one. */
  BlockResult revoke(IdNumber subId, @Nullable String service, GuardScope scope) {
    Checks.notNull(subId, "subId");
    if (!subIds.isSubId(subId)) {
      throw new InvalidRequestException(
          "subId has " + subId.length() + " digits; sub-IDs have " + subIds.format().length());
    }
    if (scope.blocked()) {
      return scope.throttled();
    }
    try {
      SubIds.Found found = subIds.find(subId);
      AccountKey key = found.key();
      if (key == null) {
        return miss(subId, scope);
      }
      if (service != null && !found.service().equals(service)) {
        // another service's sub-ID is no more than an unknown one here: nothing tells it exists
        elsewhere(subId, found.service(), service);
        return miss(subId, scope);
      }
      return new Blocked(subIds.revoke(key.hash(), key.account()) ? 1 : 0);
    } catch (StoreException e) {
      return StoreFailures.block(e);
    }
  }

  /**
   * The ID account a request presenting {@code subId} at {@code service} spends for, or null for a
   * sub-ID never issued, revoked, or of another service: the caller answers all three alike, as a
   * miss in its budgets, after the same work (one look-up of the sub-ID's key). That the sub-ID is
   * another service's goes to the operator's log only ({@link #elsewhere}).
   */
  @Nullable AccountId resolve(IdNumber subId, String service) {
    SubIds.Found found = subIds.find(subId);
    AccountKey key = found.key();
    if (key == null || found.revoked()) {
      return null;
    }
    if (!found.service().equals(service)) {
      elsewhere(subId, found.service(), service);
      return null;
    }
    return key.account();
  }

  /**
   * Notes for the operator's audit that a sub-ID of {@code owner} was presented at {@code at} (a
   * sub-ID that leaked, or a service probing another's): the caller was answered as for an unknown
   * sub-ID. The sub-ID is masked.
   */
  private static void elsewhere(IdNumber subId, String owner, String at) {
    LOG.info("sub-ID {} of service {} presented at {}: answered as unknown", subId, owner, at);
  }
}
