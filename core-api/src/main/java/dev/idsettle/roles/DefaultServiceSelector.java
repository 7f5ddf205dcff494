package dev.idsettle.roles;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.KeyExistsException;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Moves value between an ID and its envelopes, each call one linked ledger group with transfer ids
 * derived from the caller's reference (so a retry replays).
 */
final class DefaultServiceSelector implements ServiceSelector {
  // never returned to a caller: tells a loop in this class to look its envelopes up again
  private static final SelectionResult RETRY =
      new Denial(DenialReason.DUPLICATE_REFERENCE, null, "retry");
  private final DefaultSettlementManager manager;
  private final IdSettle settle;

  DefaultServiceSelector(DefaultSettlementManager manager) {
    this.manager = manager;
    this.settle = manager.settle;
  }

  @Override
  public SelectionResult select(IdNumber id, Map<String, Money> amounts, String reference) {
    Checks.notNull(id, "id");
    Answers.requireText("reference", reference, 200);
    if (amounts.isEmpty()) {
      throw new InvalidRequestException("amounts must name at least one service");
    }
    TreeMap<String, Money> sorted = new TreeMap<>(amounts);
    for (Map.Entry<String, Money> e : sorted.entrySet()) {
      manager.registered(e.getKey());
      Denial bad = manager.badAmount(Objects.requireNonNull(e.getValue(), "amount"));
      if (bad != null) {
        return new Denial(bad.reason(), null, "service " + e.getKey() + ": " + bad.message());
      }
    }
    try {
      Object sold = manager.sold(id, manager.shared);
      if (sold instanceof Denial d) {
        return d;
      }
      Account master = (Account) sold;
      Denial unusable = manager.unusable(master, id);
      if (unusable != null) {
        return unusable;
      }
      for (int attempt = 1; ; attempt++) {
        List<Envelopes.Envelope> envelopes = new ArrayList<>();
        for (String service : sorted.keySet()) {
          envelopes.add(manager.envelopes.envelope(master, service));
        }
        List<LedgerCommand> moves = new ArrayList<>(manager.envelopes.opening(envelopes));
        int k = 0;
        for (Map.Entry<String, Money> e : sorted.entrySet()) {
          moves.add(
              LedgerCommand.post(
                  TransferId.derive("idsettle:select", reference, e.getKey()),
                  master.id(),
                  envelopes.get(k++).account(),
                  e.getValue().minor(),
                  Routes.ENVELOPE + e.getKey()));
        }
        SelectionResult r = outcome(id, master.id(), moves, Envelopes.newKeys(envelopes), attempt);
        if (r != RETRY) {
          return r;
        }
      }
    } catch (StoreException e) {
      return StoreFailures.selection(e);
    }
  }

  @Override
  public SelectionResult giveBack(
      IdNumber id, String service, @Nullable Money amount, String reference) {
    Checks.notNull(id, "id");
    Answers.requireText("reference", reference, 200);
    manager.registered(service);
    if (amount != null) {
      Denial bad = manager.badAmount(amount);
      if (bad != null) {
        return bad;
      }
    }
    try {
      Object sold = manager.sold(id, manager.shared);
      if (sold instanceof Denial d) {
        return d;
      }
      Account master = (Account) sold;
      AccountId envelope = manager.routes.envelope(master.id(), service);
      if (envelope == null) {
        return noEnvelope(id, service);
      }
      TransferId transferId = TransferId.derive("idsettle:give-back", reference);
      long minor = amount != null ? amount.minor() : wholeOf(envelope, transferId);
      if (minor == 0) {
        return noEnvelope(id, service);
      }
      return outcome(
          id,
          master.id(),
          List.of(LedgerCommand.post(transferId, envelope, master.id(), minor, "give-back")),
          List.of(),
          1);
    } catch (StoreException e) {
      return StoreFailures.selection(e);
    }
  }

  /** All of the envelope, or, for a retry of an earlier give-back of all, what that one moved. */
  private long wholeOf(AccountId envelope, TransferId transferId) {
    Transfer earlier = settle.ledger.transfer(transferId).orElse(null);
    if (earlier != null) {
      return earlier.amount();
    }
    return settle.ledger.account(envelope).map(Account::available).orElse(0L);
  }

  @Override
  public SelectionResult move(IdNumber id, String from, String to, Money amount, String reference) {
    Checks.notNull(id, "id");
    Answers.requireText("reference", reference, 200);
    manager.registered(from);
    manager.registered(to);
    if (from.equals(to)) {
      throw new InvalidRequestException("from and to must be different services, both were " + to);
    }
    Denial bad = manager.badAmount(amount);
    if (bad != null) {
      return bad;
    }
    try {
      Object sold = manager.sold(id, manager.shared);
      if (sold instanceof Denial d) {
        return d;
      }
      Account master = (Account) sold;
      AccountId source = manager.routes.envelope(master.id(), from);
      if (source == null) {
        return noEnvelope(id, from);
      }
      Denial unusable = manager.unusable(master, id);
      if (unusable != null) {
        return unusable;
      }
      for (int attempt = 1; ; attempt++) {
        Envelopes.Envelope target = manager.envelopes.envelope(master, to);
        List<LedgerCommand> moves = new ArrayList<>(manager.envelopes.opening(List.of(target)));
        moves.add(
            LedgerCommand.post(
                TransferId.derive("idsettle:move", reference),
                source,
                target.account(),
                amount.minor(),
                Routes.ENVELOPE + to));
        SelectionResult r =
            outcome(id, master.id(), moves, Envelopes.newKeys(List.of(target)), attempt);
        if (r != RETRY) {
          return r;
        }
      }
    } catch (StoreException e) {
      return StoreFailures.selection(e);
    }
  }

  @Override
  public SelectionResult balances(IdNumber id) {
    Checks.notNull(id, "id");
    try {
      Object sold = manager.sold(id, manager.shared);
      if (sold instanceof Denial d) {
        return d;
      }
      Account master = (Account) sold;
      return selected(master.id(), false);
    } catch (StoreException e) {
      return StoreFailures.selection(e);
    }
  }

  /**
   * Submits {@code moves} as one linked group with the keys of new envelopes; {@link #RETRY} when
   * another caller made one of those envelopes first (look it up again), at most twice.
   */
  private SelectionResult outcome(
      IdNumber id,
      AccountId master,
      List<LedgerCommand> moves,
      List<AccountKey> keys,
      int attempt) {
    List<CommandResult> results;
    try {
      results = settle.ledger.submit(LedgerBatch.create().addLinked(moves).withKeys(keys));
    } catch (KeyExistsException e) {
      if (attempt >= 3) {
        throw new StoreException("the ID's envelopes kept changing: retry", false, e);
      }
      return RETRY;
    }
    keys.forEach(manager.routes::remember);
    CommandResult first = results.get(results.size() - moves.size());
    for (CommandResult r : results) {
      if (r.command() instanceof LedgerCommand.TransferCommand) {
        first = r;
        break;
      }
    }
    Refusal refusal = first.refusal();
    if (refusal != null) {
      Account debit = first.debitAfter();
      return Answers.denial(refusal, id, debit == null ? null : debit.availableBalance());
    }
    return selected(master, first.replayed());
  }

  private Selected selected(AccountId master, boolean replayed) {
    Map<String, Money> envelopes = new TreeMap<>();
    for (Map.Entry<String, AccountId> e : manager.routes.envelopes(master).entrySet()) {
      envelopes.put(
          e.getKey(), settle.ledger.account(e.getValue()).orElseThrow().availableBalance());
    }
    Money unallocated = settle.ledger.account(master).orElseThrow().availableBalance();
    return new Selected(unallocated, envelopes, replayed);
  }

  private Denial noEnvelope(IdNumber id, String service) {
    return new Denial(
        DenialReason.INSUFFICIENT_BALANCE,
        Money.zero(settle.currency),
        "ID " + id + " holds nothing for service " + service);
  }
}
