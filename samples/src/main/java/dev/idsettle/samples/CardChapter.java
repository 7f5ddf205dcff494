package dev.idsettle.samples;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import com.licel.jcardsim.utils.AIDUtil;
import dev.idsettle.card.CardId;
import dev.idsettle.card.CardIssuer;
import dev.idsettle.card.CardReceipt;
import dev.idsettle.card.IssuerKeys;
import dev.idsettle.card.Payee;
import dev.idsettle.card.PurseCard;
import dev.idsettle.card.VerifiedReceipt;
import dev.idsettle.card.applet.PurseApplet;
import dev.idsettle.card.journal.CardJournal;
import dev.idsettle.card.journal.CardLedgerIds;
import dev.idsettle.card.journal.CardSettlement;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.money.Money;
import java.math.BigInteger;
import java.util.Currency;
import java.util.List;
import javax.smartcardio.CardException;

/**
 * Chapter 8: a smart card carries an ID and its balance (the {@code javacard-applet} module's
 * applet, here on jCardSim, reached through {@code javax.smartcardio} as a card in a reader). A
 * terminal credits it with the issuer's authorisation, mirrored in the card's shadow account of the
 * ledger; a service debits it offline; the card's MAC-signed receipt is then settled into the
 * ledger, keyed by card and counter, so it is booked once however often it is sent.
 */
final class CardChapter {
  static final long CREDIT = 2000;
  static final long FARE = 350;
  private static final BigInteger DIGITS_15 = BigInteger.TEN.pow(15);
  static final Payee PAYEE = new Payee("transit", "gate-3");

  /**
   * What the chapter did.
   *
   * @param card the card's ID
   * @param credit the card's verified credit receipt
   * @param debit the card's debit receipt
   * @param settled the settlement of the debit receipt
   * @param resent the settlement of the same receipt sent a second time
   * @param journaled the ledger transfer that books the debit
   * @param cardBalance what the card says it holds at the end
   * @param shadowBalance what the ledger says it holds at the end
   * @param revenue what the settlement added to the transit service's revenue
   */
  record Card(
      CardId card,
      VerifiedReceipt credit,
      CardReceipt debit,
      CardSettlement settled,
      CardSettlement resent,
      Transfer journaled,
      Money cardBalance,
      Money shadowBalance,
      Money revenue) {}

  private CardChapter() {}

  static Card tell(Story s) {
    s.chapter(8, "A smart card is credited at a terminal and debited at a service");
    Currency eur = Currency.getInstance(Story.CURRENCY);
    CardIssuer issuer = CardIssuer.over(IssuerKeys.fromMasterKey(Story.randomBytes(16)));
    CardId id = CardId.parse("9" + new BigInteger(1, Story.randomBytes(8)).mod(DIGITS_15));
    PurseCard card = simulatedCard();
    card.personalise(issuer.personalisation(id, eur, null));
    CardJournal journal = CardJournal.create(s.settle.ledger(), issuer);
    journal.register(id, eur);
    s.say("Card %s is personalised and registered: its shadow account in the ledger is open", id);
    VerifiedReceipt credit = journal.credit(card, StoreChapter.STORE, CREDIT);
    s.say(
        "%s credits it with %s (issuer-authorised): card %s, ledger %s",
        StoreChapter.STORE,
        Story.eur(CREDIT),
        Story.eur(card.balance().amount()),
        Story.eur(journal.shadowBalance(id)));
    CardReceipt debit = card.debit(PAYEE, FARE);
    s.say(
        "The %s service's %s debits %s offline: the card holds %s, receipt counter %d",
        PAYEE.service(),
        PAYEE.terminal(),
        Story.eur(debit.amount()),
        Story.eur(debit.newBalance()),
        debit.counter());
    Money revenueBefore = s.settle.revenue(PAYEE.service());
    CardSettlement settled = journal.settle(PAYEE, List.of(debit)).card(id);
    CardSettlement resent = journal.settle(PAYEE, List.of(debit)).card(id);
    Transfer booked =
        s.settle
            .ledger()
            .transfer(CardLedgerIds.under(issuer).debit(id, debit.counter()))
            .orElseThrow();
    Money shadow = Story.eur(journal.shadowBalance(id));
    Money revenue = s.settle.revenue(PAYEE.service()).minus(revenueBefore);
    s.say(
        "The receipt is settled: journaled as %s in the ledger (counters settled %s; sent again:"
            + " duplicates %s)",
        Story.eur(booked.amount()), settled.settled(), resent.duplicates());
    s.say("The ledger now says the card holds %s; transit's revenue grew by %s", shadow, revenue);
    return new Card(
        id,
        credit,
        debit,
        settled,
        resent,
        booked,
        Story.eur(card.balance().amount()),
        shadow,
        revenue);
  }

  /** A new card with the purse applet, on jCardSim, in a simulated reader; applet selected. */
  private static PurseCard simulatedCard() {
    // jCardSim's RandomData repeats the same bytes unless it is told to draw from a secure source
    System.setProperty("com.licel.jcardsim.randomdata.secure", "1");
    CardSimulator simulator = new CardSimulator();
    simulator.installApplet(AIDUtil.create(PurseCard.aid()), PurseApplet.class);
    try {
      PurseCard card =
          PurseCard.over(
              CardTerminalSimulator.terminal(simulator).connect("T=1").getBasicChannel());
      card.select();
      return card;
    } catch (CardException e) {
      throw new IllegalStateException("the simulated reader refused the card", e);
    }
  }
}
