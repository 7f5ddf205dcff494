package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;
import java.util.Set;

/**
 * The settlement management device of the network (seed 000, claims 2 to 5, 7 and 11): a registry
 * of services, each with its settlement authentication device; the router of activations that name
 * a service; the answerer of validity queries; the distributor of an ID's value over envelopes per
 * service. Get one with {@link #over(IdSettle)}. Thread-safe.
 *
 * <h2>Claims and methods</h2>
 *
 * <table>
 *   <caption>Where each claim of the seed is implemented</caption>
 *   <tr><th>claim</th><th>method</th></tr>
 *   <tr><td>2: services, each with its authentication device; an activation that names a service
 *       routes the ID's value to it</td><td>{@link #register}, {@link #authenticator}, {@link
 *       #activate}; a request presenting the ID elsewhere is denied {@link
 *       DenialReason#WRONG_SERVICE} (a sub-ID elsewhere is answered as unknown)</td></tr>
 *   <tr><td>3: "is this ID validated, and with what balance for my service?"</td><td>{@link
 *       #query}</td></tr>
 *   <tr><td>4: a sub-ID per service, presented instead of the ID, revocable</td><td>{@link
 *       #subId}, {@link #revokeSubId}; the authenticators of {@link #register} take sub-IDs</td></tr>
 *   <tr><td>5: the user's choice of services with an amount for each, all or nothing</td><td>{@link
 *       #selector()}: {@link ServiceSelector#select}, {@link ServiceSelector#giveBack}, {@link
 *       ServiceSelector#move}</td></tr>
 *   <tr><td>7: no service without a validated ID and enough value (envelopes too)</td><td>the
 *       authenticators of {@link #register}</td></tr>
 *   <tr><td>11: warn below the service's reference amount, on what that service can spend</td><td>
 *       {@link Permit#lowBalance()}, {@link LowBalanceListener}, {@link Valid#lowBalance()}</td></tr>
 *   <tr><td>8: a new ID of a holder linked to the others; one request spends up to the sum of
 *       their balances, soonest expiry first, then smallest balance, atomically</td><td>{@link
 *       Holders#link}, {@link Holders#authenticator} (over {@link Holders#over})</td></tr>
 *   <tr><td>9: a new ID of a holder replaces the others, whose balances move to it in one
 *       step</td><td>{@link Holders#merge}; a merged ID is denied {@link
 *       DenialReason#MERGED}</td></tr>
 *   <tr><td>10, 12, 13: slips and sheets, their lifecycle and serial ranges</td><td>{@link
 *       Slips}</td></tr>
 *   <tr><td>lost or stolen: block the ID with its envelopes</td><td>{@link #block}</td></tr>
 * </table>
 *
 * <h2>Envelopes</h2>
 *
 * An envelope is a ledger account of the ID for one service, linked to the ID by an {@link
 * dev.idsettle.ledger.AccountKey}: every move into or out of it is a transfer, so value is
 * conserved and never overdrawn by the ledger's own rules. A service spends its envelope of the ID
 * if the ID has one for it, else the ID's unallocated value. A routed activation (claim 2) puts the
 * whole amount in the envelope of the service it names, so no other service can spend it: that is
 * judged by the ledger, not by a cache. An envelope expires when its ID does: it takes the ID's
 * expiry instant when it is made (for an ID whose expiry starts at first use, the envelope's first
 * use starts its own).
 *
 * <h2>The caching contract</h2>
 *
 * The manager and its authenticators cache, over a store with a connection, only facts that can
 * never change once written and so can never cost money when remembered: which account an ID number
 * (a keyed hash) belongs to, and that an ID has an envelope for a service or a route to one (its
 * {@link dev.idsettle.ledger.AccountKey}s, written once, never changed). They never cache anything
 * that changes: an account's state (active, blocked, expired), its balance, its expiry, or that an
 * ID has no envelope or route yet (read from the store each time). Every debit is then judged by
 * the ledger under lock in the transaction that writes it, so a validity answer that was true a
 * moment ago never permits spending that the ledger would refuse now: after a block or an expiry,
 * the next query and the next request are refused, whatever was asked before.
 */
public interface SettlementManager {

  /** The manager of the roles of {@code settle}. */
  static SettlementManager over(IdSettle settle) {
    return new DefaultSettlementManager(Checks.notNull(settle, "settle"));
  }

  /**
   * Registers {@code service} and returns its settlement authentication device (claim 2), which
   * spends the ID's envelope for the service where there is one. Registering the same service again
   * returns a device for it; registering another service under the same name is refused.
   *
   * @throws dev.idsettle.InvalidRequestException if a different service has that name
   */
  SettlementAuthenticator register(Service service);

  /**
   * The authentication device of the registered service {@code name}.
   *
   * @throws dev.idsettle.InvalidRequestException if no service of that name is registered
   */
  SettlementAuthenticator authenticator(String name);

  /** The names of the registered services. */
  Set<String> services();

  /**
   * What the settlement terminal {@code terminalId} reports when a user pays for {@code id} (claims
   * 1, 2): activates it with {@code amount}, all of it usable at {@code service} only. The
   * activation, the move of its value into the service's envelope and the route are one ledger
   * transaction. Idempotent per terminal and reference, as {@link SettlementTerminal#activate}. For
   * an activation usable everywhere, use {@link SettlementTerminal#activate}.
   *
   * @throws dev.idsettle.InvalidRequestException if {@code service} is not registered, or the
   *     terminal id or reference is blank or too long
   */
  ActivationResult activate(
      String terminalId, IdNumber id, Money amount, String service, String reference);

  /**
   * Answers the authentication device of {@code service}: is {@code id} validated, and what can the
   * service spend from it now (claim 3)? Read from the ledger, as the caching contract above says.
   * An ID never issued and one issued and not sold are answered alike ({@link
   * DenialReason#UNKNOWN_ID}) and counted in the guessing budgets of {@code requester} (the
   * authenticated party the call is made for: over the wire, the caller), of {@code service} and
   * the global one ({@link GuessingBudgets}); past them, {@link DenialReason#THROTTLED}. An ID
   * merged into another of its holder's IDs is denied {@link DenialReason#MERGED} (public {@link
   * PublicReason#NOT_USABLE}); the answer never says which ID it was merged into, since that is
   * another number of the holder, which the asking service may not know.
   *
   * @throws dev.idsettle.InvalidRequestException if {@code service} is not registered
   */
  ValidityResult query(IdNumber id, String service, String requester);

  /**
   * The sub-ID of {@code id} for {@code service} (claim 4), issued the first time the validated ID
   * is presented there and the same one every time after, until it is revoked. A sub-ID has two
   * digits more than an ID number (18 for the default 16), the last a check digit; the store keeps
   * only its keyed hash. It works at its own service only and spends what the ID itself would
   * there. A sub-ID never issued, a revoked one and one of another service are answered alike
   * ({@link DenialReason#UNKNOWN_ID}, after the same work) and counted in the presenting handle's
   * guessing budgets, so that no service learns that a sub-ID exists elsewhere (the operator's log
   * notes it, the sub-ID masked); an ID never issued or not sold, here, as {@link #query} says.
   *
   * @throws dev.idsettle.InvalidRequestException if {@code service} is not registered or {@code id}
   *     is itself a sub-ID
   */
  SubIdResult subId(IdNumber id, String service, String requester);

  /**
   * Revokes {@code subId} (lost): from now on it is answered as a sub-ID never issued ({@link
   * DenialReason#UNKNOWN_ID}, counted in the presenting handle's guessing budgets); the ID and its
   * value are untouched, and the next {@link #subId} call for that ID and service issues a new
   * sub-ID. Repeating it is harmless ({@link Blocked#accounts()} is then 0). A sub-ID never issued
   * is a miss in the manager's shared guessing budget (a service's size, see {@link
   * GuessingBudgets}), which {@link #block} and the {@link #selector} spend too.
   */
  BlockResult revokeSubId(IdNumber subId);

  /**
   * Revokes {@code subId} as {@link #revokeSubId(IdNumber)} does, but only if it is a sub-ID of
   * {@code service}: one of another service is left as it is and answered as a sub-ID never issued
   * ({@link DenialReason#UNKNOWN_ID}, a miss in that device's guessing budgets, as a sub-ID never
   * issued is). What a service's own device, or a party speaking for it over the wire, calls.
   *
   * @throws dev.idsettle.InvalidRequestException if {@code service} is not registered
   */
  BlockResult revokeSubId(IdNumber subId, String service);

  /** The service selection device (claim 5). */
  ServiceSelector selector();

  /**
   * Blocks {@code id} and every envelope of it (a lost or stolen ID): nothing can be spent from
   * them any more. Repeating it is harmless ({@link Blocked#accounts()} is then 0). An ID issued
   * and not sold can be blocked too; an ID never issued is a miss in the manager's shared guessing
   * budget ({@link #revokeSubId(IdNumber)}).
   */
  BlockResult block(IdNumber id);
}
