/**
 * Authenticators with a store of their own (seed 000, claims 3 and 4, distributed): value moves
 * between the manager's ledger and an authenticator's by a two-phase transfer that applies exactly
 * once whatever the wire loses, repeats or reorders and whichever process crashes. The protocol,
 * with every crash point and what recovery does, is in {@code docs/REMOTE.md}.
 *
 * <ul>
 *   <li>{@link dev.idsettle.http.remote.LocalAuthenticator}: the authenticator's side, over its own
 *       {@link dev.idsettle.spi.LedgerStore}: loads sub-IDs, serves requests locally (also while
 *       the manager is unreachable), gives unspent value back, recovers pending transfers.
 *   <li>{@link dev.idsettle.http.remote.ManagerTransfers}: the manager's side, behind {@link
 *       dev.idsettle.http.ManagerEndpoint}.
 * </ul>
 */
@NullMarked
package dev.idsettle.http.remote;

import org.jspecify.annotations.NullMarked;
