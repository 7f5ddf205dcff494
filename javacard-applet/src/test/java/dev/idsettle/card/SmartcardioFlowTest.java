package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThat;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import com.licel.jcardsim.utils.AIDUtil;
import dev.idsettle.card.applet.PurseApplet;
import java.util.Currency;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.junit.jupiter.api.Test;

/**
 * The whole life of a card the way a terminal program finds a PC/SC reader: list the terminals,
 * wait for a card, connect, and drive it through a basic channel. Only the terminal list is
 * jCardSim's.
 */
class SmartcardioFlowTest {

  @Test
  void personaliseCreditSpendAndBlockThroughAReader() throws CardException {
    CardTerminals terminals = CardTerminalSimulator.terminals("Store reader");
    CardTerminal reader = terminals.getTerminal("Store reader");
    CardSimulator simulator = new CardSimulator();
    simulator.installApplet(AIDUtil.create(PurseCard.aid()), PurseApplet.class);
    simulator.assignToTerminal(reader);
    assertThat(reader.waitForCardPresent(1000)).isTrue();
    Card card = reader.connect("*");

    CardIssuer issuer = CardIssuer.over(IssuerKeys.fromMasterKey(new byte[16]));
    CardId id = CardId.parse("1234-5678-9012-3456");
    PurseCard purse = PurseCard.over(card.getBasicChannel());
    purse.select();
    purse.personalise(issuer.personalisation(id, Currency.getInstance("EUR"), "8642"));

    Challenge challenge = purse.initialize();
    VerifiedReceipt credit =
        issuer.verify(purse.credit(challenge, 5000, issuer.authorizeCredit(id, challenge, 5000)));
    purse.verifyPin(PinPad.over(issuer.keys()), "8642");
    VerifiedReceipt debit = issuer.verify(purse.debit(PAYEE, 1250));
    purse.block(issuer.authorizeBlock(id, purse.initialize()));

    assertThat(credit.receipt().newBalance()).isEqualTo(5000);
    assertThat(debit.receipt().newBalance()).isEqualTo(3750);
    assertThat(debit.receipt().counter()).isEqualTo(2);
    assertThat(purse.balance()).isEqualTo(new CardBalance(3750, Currency.getInstance("EUR")));
    assertThat(purse.status().lifecycle()).isEqualTo(Lifecycle.BLOCKED);
    card.disconnect(true);
  }
}
