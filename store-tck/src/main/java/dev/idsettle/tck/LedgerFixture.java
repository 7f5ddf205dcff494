package dev.idsettle.tck;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.LedgerStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One test's ledger: a store, a {@link MutableClock}, a cash and a revenue account of its own, and
 * the ID accounts it created, so that the invariants can be checked on exactly that closed set. Not
 * thread-safe for creating accounts; submitting is as thread-safe as the store.
 */
public final class LedgerFixture {
  /** The currency of every account a fixture creates. */
  public static final Currency EUR = Currency.getInstance("EUR");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final MutableClock clock;
  private final AccountId cash = AccountId.random();
  private final AccountId revenue = AccountId.random();
  private final List<AccountId> created = new ArrayList<>();
  private LedgerStore store;
  private Ledger ledger;

  private LedgerFixture(LedgerStore store, MutableClock clock) {
    this.store = store;
    this.clock = clock;
    this.ledger = Ledger.builder(store).clock(clock).build();
    Set<AccountId> existing =
        ledger.createAccounts(List.of(Account.operator(cash, EUR), Account.operator(revenue, EUR)));
    if (!existing.isEmpty()) {
      throw new IllegalStateException("random operator accounts existed already: " + existing);
    }
    created.add(cash);
    created.add(revenue);
  }

  /** A fixture over {@code store} whose ledger judges time by {@code clock}. */
  public static LedgerFixture over(LedgerStore store, MutableClock clock) {
    return new LedgerFixture(store, clock);
  }

  /** Points the fixture at {@code reopened}, the same storage opened again. */
  public void reopen(LedgerStore reopened) {
    this.store = reopened;
    this.ledger = Ledger.builder(reopened).clock(clock).build();
  }

  /** The ledger. */
  public Ledger ledger() {
    return ledger;
  }

  /** The store. */
  public LedgerStore store() {
    return store;
  }

  /** The clock the ledger judges time by. */
  public MutableClock clock() {
    return clock;
  }

  /** This fixture's cash account (an operator account). */
  public AccountId cash() {
    return cash;
  }

  /** This fixture's revenue account (an operator account). */
  public AccountId revenue() {
    return revenue;
  }

  /** Every account this fixture created, operator accounts first. */
  public List<AccountId> accounts() {
    return List.copyOf(created);
  }

  /** A random ID hash, as the core would compute from a fresh ID number. */
  public static IdHash randomHash() {
    byte[] bytes = new byte[IdHash.LENGTH];
    RANDOM.nextBytes(bytes);
    return IdHash.of(bytes);
  }

  /** The ID account with ID hash {@code hash}, looked up through the store's batch look-up. */
  public static Optional<Account> byHash(LedgerStore store, IdHash hash) {
    return Optional.ofNullable(store.findAccountsByIdHash(List.of(hash)).get(hash));
  }

  /** Creates an issued ID account that never expires. */
  public AccountId newId() {
    return newId(ExpiryPolicy.never());
  }

  /** Creates an issued ID account with expiry policy {@code expiry}. */
  public AccountId newId(ExpiryPolicy expiry) {
    AccountId id = AccountId.random();
    Set<AccountId> existing =
        ledger.createAccounts(List.of(Account.issued(id, randomHash(), EUR, expiry)));
    if (!existing.isEmpty()) {
      throw new IllegalStateException("a random account id existed already: " + existing);
    }
    created.add(id);
    return id;
  }

  /** Creates an ID account and activates it with {@code amount}. */
  public AccountId activeId(long amount) {
    AccountId id = newId();
    requireApplied(activate(id, amount));
    return id;
  }

  /** The account as the store has it now. */
  public Account account(AccountId id) {
    return store
        .findAccount(id)
        .orElseThrow(() -> new AssertionError("account " + id + " is not in the store"));
  }

  /** Submits {@code batch}. */
  public List<CommandResult> submit(LedgerBatch batch) {
    return ledger.submit(batch);
  }

  /** Submits one command on its own. */
  public CommandResult submit(LedgerCommand command) {
    return ledger.submit(LedgerBatch.create().add(command)).get(0);
  }

  /** Submits {@code commands} as one linked group. */
  public List<CommandResult> submitLinked(List<LedgerCommand> commands) {
    return ledger.submit(LedgerBatch.create().addLinked(commands));
  }

  /** Activates {@code id} with {@code amount} under a fresh transfer id. */
  public List<CommandResult> activate(AccountId id, long amount) {
    return submitLinked(Commands.activation(TransferId.random(), id, cash, amount));
  }

  /** Reverses an activation of {@code amount} under a fresh transfer id. */
  public List<CommandResult> reverse(AccountId id, long amount) {
    return submitLinked(Commands.reversal(TransferId.random(), id, cash, amount));
  }

  /** Debits {@code amount} from {@code id} under a fresh transfer id. */
  public CommandResult debit(AccountId id, long amount) {
    return submit(Commands.debit(TransferId.random(), id, revenue, amount));
  }

  /** Tops {@code id} up with {@code amount} under a fresh transfer id. */
  public CommandResult topUp(AccountId id, long amount) {
    return submit(Commands.topUp(TransferId.random(), id, cash, amount));
  }

  /** Holds {@code amount} of {@code id} under transfer id {@code holdId}. */
  public CommandResult hold(TransferId holdId, AccountId id, long amount, Duration timeout) {
    return submit(Commands.hold(holdId, id, revenue, amount, timeout));
  }

  /** The invariants violated among this fixture's accounts; empty when all hold. */
  public List<String> violations() {
    return Invariants.violations(store, created);
  }

  private static void requireApplied(List<CommandResult> results) {
    for (CommandResult r : results) {
      if (!r.applied()) {
        throw new AssertionError("expected applied, was refused " + r.refusal() + ": " + r);
      }
    }
  }
}
