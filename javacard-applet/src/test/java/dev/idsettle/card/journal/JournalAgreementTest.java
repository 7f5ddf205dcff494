package dev.idsettle.card.journal;

import static dev.idsettle.card.journal.JournalFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.card.CardId;
import dev.idsettle.card.CardReceipt;
import dev.idsettle.card.PurseCard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random credits at several terminals and debits over several cards; the debit receipts arrive in
 * random order, some twice, in several settlements. Afterwards the ledger and the cards agree.
 */
class JournalAgreementTest {

  private static final List<String> CARDS = List.of("1001", "1002", "1003", "1004");
  private static final List<String> TERMINALS = List.of("t-1", "t-2");

  @Test
  void theLedgerAndTheCardsAgreeAfterARandomRun() {
    for (long seed : new long[] {1, 2, 3}) {
      try {
        run(new Random(seed));
      } catch (AssertionError e) {
        throw new AssertionError("run with seed " + seed + " failed: " + e.getMessage(), e);
      }
    }
  }

  private static void run(Random random) {
    JournalFixture fixture = new JournalFixture();
    List<PurseCard> cards = new ArrayList<>();
    CARDS.forEach(digits -> cards.add(JournalFixture.client(fixture.card(digits))));
    List<CardReceipt> receipts = new ArrayList<>();
    long credited = 0;
    long debited = 0;
    for (int op = 0; op < 200; op++) {
      PurseCard card = cards.get(random.nextInt(cards.size()));
      long balance = card.balance().amount();
      if (balance == 0 || random.nextInt(3) == 0) {
        long amount = 1L + random.nextInt(5000);
        String terminal = TERMINALS.get(random.nextInt(TERMINALS.size()));
        fixture.journal.credit(card, terminal, amount);
        credited += amount;
      } else {
        long amount = 1 + random.nextLong(balance);
        receipts.add(card.debit(PAYEE, amount));
        debited += amount;
      }
    }
    List<CardReceipt> delivered = new ArrayList<>(receipts);
    for (CardReceipt receipt : receipts) {
      if (random.nextInt(4) == 0) {
        delivered.add(receipt);
      }
    }
    Collections.shuffle(delivered, random);

    int settled = 0;
    int duplicates = 0;
    int chunk = delivered.size() / 3 + 1;
    for (int from = 0; from < delivered.size(); from += chunk) {
      SettlementReport report =
          fixture.journal.settle(
              PAYEE, delivered.subList(from, Math.min(from + chunk, delivered.size())));
      assertThat(report.rejected()).isEmpty();
      for (CardSettlement card : report.cards().values()) {
        assertThat(card.unfunded()).isEmpty();
        settled += card.settled().size();
        duplicates += card.duplicates().size();
      }
    }

    assertThat(settled).isEqualTo(receipts.size());
    assertThat(duplicates).isEqualTo(delivered.size() - receipts.size());
    SettlementReport replay = fixture.journal.settle(PAYEE, receipts);
    for (int i = 0; i < CARDS.size(); i++) {
      CardId id = CardId.parse(CARDS.get(i));
      assertThat(fixture.journal.shadowBalance(id))
          .as("card %s", id)
          .isEqualTo(cards.get(i).balance().amount());
      assertThat(replay.card(id).settled()).isEmpty();
      assertThat(replay.card(id).missing()).isEmpty();
    }
    assertThat(fixture.revenue()).isEqualTo(debited);
    assertThat(credited).isGreaterThan(debited);
    fixture.assertLedgerBalances(CARDS, TERMINALS);
  }
}
