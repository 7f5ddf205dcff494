package dev.idsettle.card.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.card.CardId;
import dev.idsettle.card.CardIssuer;
import dev.idsettle.card.IssuerKeys;
import dev.idsettle.card.Payee;
import dev.idsettle.card.PurseCard;
import dev.idsettle.card.testing.SimulatedCard;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.roles.OperatorAccounts;
import dev.idsettle.store.memory.MemoryStore;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** A ledger over a memory store, an issuer, a journal, and simulated cards registered with it. */
final class JournalFixture {

  static final Currency JPY = Currency.getInstance("JPY");
  static final String TERMINAL = "terminal-1";
  static final String SERVICE = "bus";
  static final Payee PAYEE = new Payee(SERVICE, TERMINAL);

  final MemoryStore store = MemoryStore.create();
  final Ledger ledger = Ledger.over(store);
  final CardIssuer issuer =
      CardIssuer.over(
          IssuerKeys.fromMasterKey(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f")));
  CardJournal journal = CardJournal.create(ledger, issuer);

  /** A new journal over the same ledger: what a process restarted after a crash has. */
  void restart() {
    journal = CardJournal.create(ledger, issuer);
  }

  /** A personalised card without PIN, registered with the journal. */
  SimulatedCard card(String digits) {
    return card(digits, SimulatedCard.withPurse());
  }

  SimulatedCard card(String digits, SimulatedCard card) {
    CardId id = CardId.parse(digits);
    card.selectedClient().personalise(issuer.personalisation(id, JPY, null));
    journal.register(id, JPY);
    return card;
  }

  long shadow(String digits) {
    return journal.shadowBalance(CardId.parse(digits));
  }

  /** Checks that the posted balances of every account in the store sum to zero. */
  void assertLedgerBalances(List<String> cards, List<String> terminals) {
    List<AccountId> ids = new ArrayList<>();
    cards.forEach(c -> ids.add(journal.shadowAccount(CardId.parse(c))));
    OperatorAccounts accounts = OperatorAccounts.of(store, JPY);
    terminals.forEach(t -> ids.add(accounts.cash(t)));
    ids.addAll(accounts.revenueAccounts(SERVICE));
    long sum = 0;
    int found = 0;
    for (AccountId id : ids) {
      Optional<Account> account = ledger.account(id);
      if (account.isPresent()) {
        sum += account.get().posted();
        assertThat(account.get().reserved()).as("open holds on %s", id).isZero();
        found++;
      }
    }
    assertThat(found).as("every account of the store is counted").isEqualTo(store.accountCount());
    assertThat(sum).isZero();
  }

  long revenue() {
    long total = 0;
    for (Account a :
        ledger.accounts(OperatorAccounts.of(store, JPY).revenueAccounts(SERVICE)).values()) {
      total += a.posted();
    }
    return total;
  }

  static PurseCard client(SimulatedCard card) {
    return card.selectedClient();
  }
}
