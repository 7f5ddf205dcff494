package dev.idsettle.roles;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.money.Money;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The batches of slips as account keys. A batch has an operator account (its anchor, never moving
 * value) that owns its keys: the batch key (slip count, sheet size, face value), the service key if
 * it has one, one key per lifecycle step after created, and per slip the key of its serial's keyed
 * hash, which finds the slip's ID account.
 */
final class SlipBatches {
  private static final String BATCH = "slip-batch:";
  private static final String SERVICE = "svc:";
  private static final String SERIAL = "slip:";
  private static final String STEP = "slip-step:";

  private final IdSettle settle;

  SlipBatches(IdSettle settle) {
    this.settle = settle;
  }

  /**
   * A batch as stored.
   *
   * @param state its lifecycle state when read
   */
  record Batch(
      String prefix,
      AccountId anchor,
      int count,
      int sheetSize,
      Money faceValue,
      @Nullable String service,
      BatchState state) {}

  /** Slips {@code from} to {@code to} (inclusive) of {@code batch}. */
  record Range(Batch batch, int from, int to) {}

  IdHash batchHash(String prefix) {
    return settle.hasher.derive("slip-batch", prefix);
  }

  IdHash serviceHash(String prefix) {
    return settle.hasher.derive("slip-service", prefix);
  }

  IdHash stepHash(String prefix, BatchState step) {
    return settle.hasher.derive("slip-step", prefix, step.name());
  }

  IdHash serialHash(SlipSerial serial) {
    return settle.hasher.derive("slip-serial", serial.toString());
  }

  /** The hashes {@link #batch} reads for {@code prefix}. */
  List<IdHash> batchHashes(String prefix) {
    return List.of(
        batchHash(prefix),
        serviceHash(prefix),
        stepHash(prefix, BatchState.PRINTED),
        stepHash(prefix, BatchState.DISTRIBUTED));
  }

  /** The batch {@code prefix} from keys read by {@link #batchHashes}, or null if none. */
  @Nullable Batch batch(String prefix, Map<IdHash, AccountKey> keys) {
    AccountKey key = keys.get(batchHash(prefix));
    if (key == null) {
      return null;
    }
    String[] f = key.tag().substring(BATCH.length()).split(":", -1);
    AccountKey service = keys.get(serviceHash(prefix));
    BatchState state =
        keys.containsKey(stepHash(prefix, BatchState.DISTRIBUTED))
            ? BatchState.DISTRIBUTED
            : keys.containsKey(stepHash(prefix, BatchState.PRINTED))
                ? BatchState.PRINTED
                : BatchState.CREATED;
    return new Batch(
        prefix,
        key.account(),
        Integer.parseInt(f[0]),
        Integer.parseInt(f[1]),
        Money.of(Long.parseLong(f[2]), settle.currency),
        service == null ? null : service.tag().substring(SERVICE.length()),
        state);
  }

  /** The batch {@code prefix}, read in one store call. */
  Batch find(String prefix) {
    SlipSerial.requirePrefix(prefix);
    Batch batch = batch(prefix, settle.ledger.keys(batchHashes(prefix)));
    if (batch == null) {
      throw new InvalidRequestException("no batch of slips has prefix " + prefix);
    }
    return batch;
  }

  IssuedSlips issue(
      String prefix,
      int count,
      int sheetSize,
      Money faceValue,
      @Nullable String service,
      ExpiryPolicy expiry) {
    AccountId anchor = AccountId.named(BATCH + prefix);
    List<AccountKey> batchKeys = new ArrayList<>(2);
    batchKeys.add(
        new AccountKey(
            batchHash(prefix),
            anchor,
            null,
            BATCH + count + ":" + sheetSize + ":" + faceValue.minor()));
    if (service != null) {
      batchKeys.add(new AccountKey(serviceHash(prefix), anchor, anchor, SERVICE + service));
    }
    for (int attempt = 1; ; attempt++) {
      Map<SlipSerial, IdNumber> drawn = new LinkedHashMap<>();
      List<Account> accounts = new ArrayList<>(count + 1);
      List<AccountKey> keys = new ArrayList<>(batchKeys);
      accounts.add(Account.operator(anchor, settle.currency));
      for (int i = 1; i <= count; i++) {
        SlipSerial serial = new SlipSerial(prefix, i);
        IdNumber id = settle.generator.next();
        AccountId account = AccountId.random();
        drawn.put(serial, id);
        accounts.add(Account.issued(account, settle.hasher.hash(id), settle.currency, expiry));
        keys.add(new AccountKey(serialHash(serial), account, anchor, SERIAL + serial));
        keys.add(SlipMarks.key(settle, account));
      }
      try {
        settle.ledger.store().transact(tx -> insertAll(tx, accounts, keys, anchor, prefix));
      } catch (RetryableStoreException | Redraw e) {
        // a drawn ID number clashed with an issued one (or a concurrent writer): draw all again
        if (attempt == 5) {
          throw new StoreException("issuing batch " + prefix + " kept clashing: retry", false, e);
        }
        continue;
      }
      List<Slip> slips = new ArrayList<>(count);
      drawn.forEach((serial, id) -> slips.add(new Slip(id, serial, faceValue, service)));
      return new IssuedSlips(prefix, sheetSize, slips);
    }
  }

  private static Object insertAll(
      dev.idsettle.spi.LedgerTx tx,
      List<Account> accounts,
      List<AccountKey> keys,
      AccountId anchor,
      String prefix) {
    Set<AccountId> clashed = tx.insertAccounts(accounts);
    if (clashed.contains(anchor) || !tx.insertKeys(keys).isEmpty()) {
      throw new InvalidRequestException("batch prefix " + prefix + " was issued before");
    }
    if (!clashed.isEmpty()) {
      throw new Redraw();
    }
    return prefix;
  }

  @SuppressWarnings("EnumOrdinal") // the lifecycle is BatchState's declaration order
  BatchState advance(Batch batch, BatchState to) {
    if (to == BatchState.CREATED || to.ordinal() > batch.state().ordinal() + 1) {
      throw new InvalidRequestException(
          "batch " + batch.prefix() + " is " + batch.state() + ": it cannot become " + to);
    }
    if (to.ordinal() <= batch.state().ordinal()) {
      if (to == batch.state()) {
        return to;
      }
      throw new InvalidRequestException(
          "batch " + batch.prefix() + " is " + batch.state() + ": it cannot go back to " + to);
    }
    AccountKey step =
        new AccountKey(
            stepHash(batch.prefix(), to),
            batch.anchor(),
            batch.anchor(),
            STEP + to.name().toLowerCase(java.util.Locale.ROOT));
    // a concurrent caller took the same step: either way the batch is there now
    settle.ledger.createWithKeys(List.of(), List.of(step));
    return to;
  }

  /**
   * Changes each slip of {@code range} (and its envelope, if its batch has a service) from one of
   * {@code from} to {@code to}, each slip with its envelope on its own, in one batch.
   */
  RangeChanged change(
      DefaultSettlementManager manager,
      Range range,
      Set<AccountState> from,
      AccountState to,
      boolean requireEmpty) {
    Batch batch = range.batch();
    List<IdHash> hashes = new ArrayList<>(range.to() - range.from() + 1);
    for (int i = range.from(); i <= range.to(); i++) {
      hashes.add(serialHash(new SlipSerial(batch.prefix(), i)));
    }
    Map<IdHash, AccountKey> serials = settle.ledger.keys(hashes);
    List<AccountId> slips = new ArrayList<>(hashes.size());
    for (IdHash h : hashes) {
      // written with the batch in its transaction: every serial of the batch has its key
      slips.add(java.util.Objects.requireNonNull(serials.get(h), "serial key").account());
    }
    String service = batch.service();
    Map<IdHash, AccountKey> envelopes = Map.of();
    List<IdHash> envelopeHashes = new ArrayList<>();
    if (service != null) {
      for (AccountId slip : slips) {
        envelopeHashes.add(manager.routes.envelopeHash(slip, service));
      }
      envelopes = settle.ledger.keys(envelopeHashes);
    }
    Set<AccountState> envelopeFrom = EnumSet.copyOf(from);
    envelopeFrom.add(AccountState.ACTIVE);
    envelopeFrom.add(AccountState.EXHAUSTED);
    LedgerBatch commands = LedgerBatch.create();
    for (int i = 0; i < hashes.size(); i++) {
      AccountId slip = slips.get(i);
      List<LedgerCommand> group = new ArrayList<>(2);
      group.add(new LedgerCommand.StateChange(slip, from, to, requireEmpty));
      AccountKey envelope = envelopeHashes.isEmpty() ? null : envelopes.get(envelopeHashes.get(i));
      if (envelope != null) {
        group.add(
            new LedgerCommand.StateChange(envelope.account(), envelopeFrom, to, requireEmpty));
      }
      commands.addLinked(group);
    }
    List<CommandResult> results = settle.ledger.submit(commands);
    int changed = 0;
    int index = 0;
    for (List<LedgerCommand> group : commands.groups()) {
      if (results.get(index).refusal() == null) {
        changed++;
      }
      index += group.size();
    }
    return new RangeChanged(changed, hashes.size() - changed);
  }

  /**
   * Writes the mark of each slip of {@code batch} that has none (a batch issued before slips were
   * marked): found through the batch's serial keys, which every batch has had since it was issued.
   * A mark that exists is left as it is, so a second call, or a concurrent one, marks nothing more.
   *
   * @return how many slips were marked by this call
   */
  int markSlips(Batch batch) {
    List<AccountKey> marks = new ArrayList<>(batch.count());
    for (AccountKey key : settle.ledger.keysOwnedBy(batch.anchor())) {
      if (key.tag().startsWith(SERIAL)) {
        marks.add(SlipMarks.key(settle, key.account()));
      }
    }
    if (marks.isEmpty()) {
      return 0;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return settle.ledger.store().transact(tx -> marks.size() - tx.insertKeys(marks).size());
      } catch (RetryableStoreException e) {
        // a concurrent caller marked some of them first: what is left to mark is read again
        if (attempt == 5) {
          throw new StoreException(
              "marking batch " + batch.prefix() + " kept clashing: retry", false, e);
        }
      }
    }
  }

  /** Rolls back an issue whose drawn ID numbers clashed; never leaves {@link #issue}. */
  private static final class Redraw extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Redraw() {
      super("a drawn ID number clashed", null, false, false);
    }
  }
}
