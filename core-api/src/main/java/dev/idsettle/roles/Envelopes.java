package dev.idsettle.roles;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The envelopes of IDs (claims 2 and 5): the ledger account that holds an ID's value for one
 * service, found by its key in {@link Routes}, made empty when first needed, opened and filled by
 * the transfer that first moves value into it. What routed activations, slips and the selector
 * share.
 */
final class Envelopes {
  private final IdSettle settle;
  private final Routes routes;

  Envelopes(IdSettle settle, Routes routes) {
    this.settle = settle;
    this.routes = routes;
  }

  /**
   * The envelope of {@code master} for {@code service}: the one its key finds, or a new empty
   * account with the key that will make it the envelope, to be written with the first transfer into
   * it ({@link LedgerBatch#withKeys}). So an envelope exists only once value entered it, and a
   * refused selection leaves no envelope behind (only an unreachable empty account). A new envelope
   * is issued like its ID while the ID is, so that it never tells an unsold ID from an unknown one,
   * and takes its ID's expiry.
   */
  Envelope envelope(Account master, String service) {
    AccountId existing = routes.envelope(master.id(), service);
    if (existing != null) {
      return new Envelope(existing, null);
    }
    Instant expiresAt = master.expiresAt();
    if (expiresAt == null) {
      expiresAt = master.expiry().onActivation(settle.ledger.clock().instant());
    }
    AccountId id = AccountId.random();
    Account envelope =
        new Account(
            id,
            AccountKind.ID,
            settle.currency,
            master.state() == AccountState.ISSUED ? AccountState.ISSUED : AccountState.EXHAUSTED,
            0,
            0,
            master.expiry(),
            expiresAt,
            null);
    settle.ledger.createAccounts(List.of(envelope));
    return new Envelope(id, routes.envelopeKey(master.id(), service, id));
  }

  /**
   * An envelope to move value into, and its key if the envelope is new.
   *
   * @param account the envelope's account
   * @param newKey the key to write with the first transfer into it, or null if it exists
   */
  record Envelope(AccountId account, @Nullable AccountKey newKey) {}

  /** The keys of the new envelopes among {@code envelopes}. */
  static List<AccountKey> newKeys(List<Envelope> envelopes) {
    List<AccountKey> out = new ArrayList<>(1);
    for (Envelope e : envelopes) {
      AccountKey k = e.newKey();
      if (k != null) {
        out.add(k);
      }
    }
    return out;
  }

  /**
   * The commands that move {@code amount}, just credited to {@code id} by {@code credit}, on into
   * its {@code envelope} at {@code service}: the envelope's opening if it is new, then the move,
   * whose transfer id derives from the credit's.
   */
  List<LedgerCommand> routing(
      Envelope envelope, AccountId id, TransferId credit, long amount, String service) {
    List<LedgerCommand> out = new ArrayList<>(opening(List.of(envelope)));
    out.add(
        LedgerCommand.post(
            TransferId.derive("idsettle:route", credit.toString()),
            id,
            envelope.account(),
            amount,
            Routes.ROUTE + service));
    return out;
  }

  /** The openings of the new envelopes among {@code envelopes} that are still issued. */
  List<LedgerCommand> opening(List<Envelope> envelopes) {
    List<LedgerCommand> out = new ArrayList<>(1);
    for (Envelope envelope : envelopes) {
      Account a = settle.ledger.account(envelope.account()).orElseThrow();
      if (a.state() == AccountState.ISSUED) {
        out.add(
            LedgerCommand.changeState(
                envelope.account(), EnumSet.of(AccountState.ISSUED), AccountState.EXHAUSTED));
      }
    }
    return out;
  }
}
