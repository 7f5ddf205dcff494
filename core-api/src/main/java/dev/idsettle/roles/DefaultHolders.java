package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Links an ID to its holder with keys only; merges through {@link HolderMerge}. Both name an ID, so
 * both answer to the manager's shared guessing budget (as {@link SettlementManager#block} does): an
 * ID never issued is a miss there, and so is an unsold one for a merge (which needs a sold ID). A
 * link takes an unsold ID by design (an ID may join its holder when it is issued), as a block does.
 */
final class DefaultHolders implements Holders {
  private final DefaultSettlementManager manager;
  private final IdSettle settle;
  private final HolderKeys keys;
  private final HolderMerge merges;
  private final Map<String, LinkedAuthenticator> devices = new ConcurrentHashMap<>();

  DefaultHolders(DefaultSettlementManager manager) {
    this.manager = manager;
    this.settle = manager.settle;
    this.keys =
        new HolderKeys(settle.ledger, settle.hasher, !settle.ledger.store().readsAreLocal());
    this.merges = new HolderMerge(manager, keys);
  }

  @Override
  public HolderResult link(String holder, IdNumber id, String reference) {
    Checks.text(holder, "holder", MAX_HOLDER);
    Checks.notNull(id, "id");
    Checks.text(reference, "reference", MAX_REFERENCE);
    GuardScope scope = manager.shared;
    if (scope.blocked()) {
      return scope.throttled();
    }
    try {
      AccountId account = settle.resolve(id);
      if (account == null) {
        return Answers.miss(id, scope);
      }
      for (int attempt = 1; attempt <= 3; attempt++) {
        HolderKeys.Found f = keys.find(holder, reference, account);
        AccountKey op = f.operation();
        if (op != null) {
          return op.tag().equals(HolderKeys.LINK)
                  && op.account().equals(account)
                  && Objects.equals(op.owner(), f.root())
              ? new Linked(keys.members(Objects.requireNonNull(f.root())).size(), true)
              : duplicate(reference);
        }
        Denial refused = f.otherHolder(id);
        if (refused == null) {
          refused = unlinkable(settle.ledger.account(account).orElseThrow(), id);
        }
        if (refused != null) {
          return refused;
        }
        AccountId root = f.root();
        AccountId first = root == null ? account : root;
        List<AccountKey> write = new ArrayList<>(3);
        if (root == null) {
          write.add(keys.holderKey(holder, account));
        }
        if (f.member() == null) {
          write.add(keys.memberKey(account, first));
        }
        write.add(new AccountKey(keys.operation(reference), account, first, HolderKeys.LINK));
        if (settle.ledger.createWithKeys(List.of(), write).isEmpty()) {
          keys.changed(first);
          return new Linked(keys.members(first).size(), false);
        }
      }
      throw new StoreException("the holder's IDs kept changing: retry", false);
    } catch (StoreException e) {
      return failure(e);
    }
  }

  @Override
  public HolderResult merge(String holder, IdNumber id, String reference) {
    Checks.text(holder, "holder", MAX_HOLDER);
    Checks.notNull(id, "id");
    Checks.text(reference, "reference", MAX_REFERENCE);
    try {
      // a merge needs a sold ID: one never issued and one not sold are one miss, after one look-up
      Object sold = manager.sold(id, manager.shared);
      if (sold instanceof Denial d) {
        return d;
      }
      return merges.merge(holder, id, ((Account) sold).id(), reference);
    } catch (StoreException e) {
      return failure(e);
    }
  }

  @Override
  public SettlementAuthenticator authenticator(String service) {
    DefaultSettlementAuthenticator plain = manager.registered(service);
    return devices.computeIfAbsent(service, s -> new LinkedAuthenticator(manager, keys, plain));
  }

  /** An ID that can be linked: unsold, active or exhausted (not blocked, expired or closed). */
  private @Nullable Denial unlinkable(Account account, IdNumber id) {
    AccountState state = account.effectiveState(settle.ledger.clock().instant());
    if (state == AccountState.ISSUED
        || state == AccountState.ACTIVE
        || state == AccountState.EXHAUSTED) {
      return null;
    }
    return stateDenial(state, id);
  }

  static Denial stateDenial(AccountState state, IdNumber id) {
    if (state == AccountState.MERGED) {
      return new Denial(
          DenialReason.MERGED,
          null,
          "ID " + id + " was merged into another ID of its holder: present that one");
    }
    return Answers.denial(Refusal.forState(state), id, null);
  }

  static Denial duplicate(String reference) {
    return new Denial(
        DenialReason.DUPLICATE_REFERENCE,
        null,
        "reference " + reference + " was used before for another holder operation");
  }

  static HolderResult failure(StoreException e) {
    return e.mayHaveCommitted() ? Unknown.of(e) : Unavailable.of(e);
  }
}
