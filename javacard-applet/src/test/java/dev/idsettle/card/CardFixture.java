package dev.idsettle.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.card.testing.SimulatedCard;
import java.util.Currency;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** A simulated card with its issuer, personalised or not. */
final class CardFixture {

  static final byte[] MASTER_KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
  static final CardId CARD_ID = CardId.parse("4242 1234 5678 9012");
  static final Currency JPY = Currency.getInstance("JPY");
  static final String PIN = "2468";
  static final Payee PAYEE = new Payee("bus", "terminal-1");
  static final PinPad PIN_PAD = PinPad.over(IssuerKeys.fromMasterKey(MASTER_KEY));

  final SimulatedCard card;
  final CardIssuer issuer = CardIssuer.over(IssuerKeys.fromMasterKey(MASTER_KEY));
  PurseCard client;

  private CardFixture(SimulatedCard card) {
    this.card = card;
    this.client = card.selectedClient();
  }

  static CardFixture installed() {
    return new CardFixture(SimulatedCard.withPurse());
  }

  static CardFixture on(SimulatedCard card) {
    return new CardFixture(card);
  }

  /** Personalises without PIN. */
  CardFixture personalised() {
    return personalised(null);
  }

  CardFixture personalised(@Nullable String pin) {
    client.personalise(issuer.personalisation(CARD_ID, JPY, pin));
    return this;
  }

  /** Runs INITIALIZE and an issuer-authorised CREDIT; returns the verified receipt. */
  VerifiedReceipt credit(long amount) {
    Challenge challenge = client.initialize();
    Mac authorisation = issuer.authorizeCredit(CARD_ID, challenge, amount);
    return issuer.verify(client.credit(challenge, amount, authorisation));
  }

  /**
   * Runs {@code command} with the card torn at tear point {@code point}, then powers the card up
   * again and selects the applet.
   *
   * @return whether a transaction committed before the tear
   */
  boolean runTorn(int point, Consumer<CardFixture> command) {
    card.tearAt(point);
    try {
      command.accept(this);
    } catch (CardRefusedException e) {
      assertThat(e.refusal()).isEqualTo(CardRefusal.UNEXPECTED);
    }
    assertThat(card.torn()).as("torn at %d", point).isTrue();
    boolean committed = card.committedSinceArmed();
    card.powerCycle();
    reselect();
    return committed;
  }

  /** Selects the applet again in a new session. */
  void reselect() {
    client = card.selectedClient();
  }
}
