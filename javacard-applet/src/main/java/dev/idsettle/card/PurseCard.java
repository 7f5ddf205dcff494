package dev.idsettle.card;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * A client for the idsettle purse applet over a {@link CardChannel}: the same code drives a PC/SC
 * reader and jCardSim's {@code CardTerminalSimulator}.
 *
 * <p>Every refusal by the card becomes a {@link CardRefusedException} naming the reason; the card
 * changed nothing. A failing reader becomes a {@link CardIoException}. Status words 61xx (more
 * data: GET RESPONSE) and 6Cxx (wrong Le: the same command again with Le = xx) are followed here,
 * at most 16 rounds, so a reader or card that answers the T=0 way works too. A credit or debit
 * returns the card's {@link CardReceipt}, checked here against the command that was sent; only the
 * issuer can verify its MAC ({@link CardIssuer#verify}). Not thread-safe: one card, one caller.
 */
public final class PurseCard {

  /** The applet's AID: 0xF0 (proprietary, unregistered RID), "idsettle", version 1. */
  private static final byte[] AID = HexFormat.of().parseHex("F0" + "6964736574746C65" + "01");

  private static final int CLA_ISO = 0x00;
  private static final int CLA_PROPRIETARY = 0x80;
  private static final int LE_ANY = 256;
  private static final int MAX_ROUNDS = 16;

  private final CardChannel channel;
  private final byte[] aid;
  private final SecureRandom random = new SecureRandom();

  private PurseCard(CardChannel channel, byte[] aid) {
    this.channel = channel;
    this.aid = aid;
  }

  /** Returns a client over an open channel; call {@link #select()} before anything else. */
  public static PurseCard over(CardChannel channel) {
    return new PurseCard(channel, AID);
  }

  /**
   * Returns a client for an applet installed under another AID, such as one under the issuer's own
   * registered RID.
   *
   * @throws IllegalArgumentException if the AID is not 5 to 16 bytes
   */
  public static PurseCard over(CardChannel channel, byte[] aid) {
    if (aid.length < 5 || aid.length > 16) {
      throw new IllegalArgumentException("aid: expected 5 to 16 bytes, got " + aid.length);
    }
    return new PurseCard(channel, aid.clone());
  }

  /** Returns a copy of the applet's default AID, for installing it. */
  public static byte[] aid() {
    return AID.clone();
  }

  /** Selects the applet; a new selection clears a verified PIN and an unused challenge. */
  public void select() {
    transmit("SELECT", new CommandAPDU(CLA_ISO, 0xA4, 0x04, 0x00, aid));
  }

  /**
   * Personalises a card fresh from installation; it locks itself afterwards.
   *
   * @throws CardRefusedException with {@link CardRefusal#ALREADY_PERSONALISED} the second time
   */
  public void personalise(Personalisation personalisation) {
    transmit(
        "PERSONALIZE", new CommandAPDU(CLA_PROPRIETARY, 0x10, 0, 0, personalisation.commandData()));
  }

  /**
   * Personalises a card installed with transport keys: the card keys and the PIN travel encrypted
   * and MAC'd under them.
   *
   * @throws CardRefusedException with {@link CardRefusal#WRONG_MAC} if the card holds other
   *     transport keys (it changed nothing), {@link CardRefusal#WRONG_LENGTH} if it holds none
   */
  public void personalise(Personalisation personalisation, TransportKeys transport) {
    transmit(
        "PERSONALIZE",
        new CommandAPDU(
            CLA_PROPRIETARY, 0x10, 0, 0, personalisation.wrappedCommandData(transport)));
  }

  /** Reads the lifecycle and PIN state; works in every state. */
  public CardStatus status() {
    byte[] data = getData(0x04, 3);
    return new CardStatus(Lifecycle.fromCode(data[0]), data[1] != 0, data[2] & 0xFF);
  }

  /** Reads the card's ID number. */
  public CardId cardId() {
    return CardAnswers.cardId("GET DATA", getData(0x01, CardId.BCD_LENGTH), 0);
  }

  /** Reads the balance and its currency. */
  public CardBalance balance() {
    byte[] data = getData(0x02, 6);
    return new CardBalance(Bytes.u32(data, 0), CardAnswers.currency("GET DATA", data, 4));
  }

  /** Reads the transaction counter: the number of credits and debits so far. */
  public long counter() {
    return Bytes.u32(getData(0x03, 4), 0);
  }

  /**
   * Reads the receipt of the card's last credit or debit, kept on the card in the same transaction
   * as the balance: after a lost response, this tells whether the card ran the command.
   */
  public Optional<CardReceipt> lastReceipt() {
    try {
      return Optional.of(CardReceipt.parse(getData(0x05, CardReceipt.LENGTH)));
    } catch (CardRefusedException e) {
      if (e.refusal() == CardRefusal.NO_DATA && status().lifecycle() != Lifecycle.INSTALLED) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Asks the card for a fresh challenge, which the next CREDIT or BLOCK must be authorised for. */
  public Challenge initialize() {
    byte[] data = transmit("INITIALIZE", new CommandAPDU(CLA_PROPRIETARY, 0x50, 0, 0, 13));
    CardAnswers.requireLength("INITIALIZE", data, 13);
    return new Challenge(Bytes.u64(data, 0), Bytes.u32(data, 8), data[12] & 0xFF);
  }

  /**
   * Asks the card for its state under its MAC over a fresh random nonce; see {@link
   * #statement(long)}.
   */
  public CardStatement statement() {
    return statement(random.nextLong());
  }

  /**
   * Asks the card for its state (balance, counter, lifecycle, last receipt) under a MAC with its
   * receipt key over {@code nonce}, which only the issuer can check ({@link
   * CardIssuer#verify(CardStatement, long)}). It also uses up any unused challenge on the card.
   *
   * @param nonce a value never used before, so an old statement cannot be replayed
   */
  public CardStatement statement(long nonce) {
    byte[] data = new byte[8];
    Bytes.putU64(data, 0, nonce);
    return CardStatement.parse(
        transmit(
            "STATUS", new CommandAPDU(CLA_PROPRIETARY, CardStatement.INS, 0, 0, data, LE_ANY)));
  }

  /**
   * Credits the card.
   *
   * @param challenge what {@link #initialize()} returned in this session
   * @param amount minor units, 1 to 2^32 - 1
   * @param authorisation the issuer's MAC from {@link CardIssuer#authorizeCredit}
   * @return the card's receipt, to be verified and journaled by the issuer
   */
  public CardReceipt credit(Challenge challenge, long amount, Mac authorisation) {
    byte[] data = new byte[4 + AesCmac.LENGTH];
    Bytes.putU32(data, 0, Bytes.requireAmount("amount", amount));
    System.arraycopy(authorisation.bytes(), 0, data, 4, AesCmac.LENGTH);
    CardReceipt receipt =
        receipt("CREDIT", new CommandAPDU(CLA_PROPRIETARY, 0x52, 0, 0, data, LE_ANY));
    requireAnswers(receipt, CardReceipt.Kind.CREDIT, amount, challenge.value());
    return receipt;
  }

  /** Debits the card with a fresh random nonce; see {@link #debit(Payee, long, long)}. */
  public CardReceipt debit(Payee payee, long amount) {
    return debit(payee, amount, random.nextLong());
  }

  /**
   * Debits the card. If the card requires a PIN, {@link #verifyPin} must come first, once per
   * debit.
   *
   * @param payee the service and terminal asking; the receipt carries their tag under the card's
   *     MAC, so only they can settle it
   * @param amount minor units, 1 to 2^32 - 1
   * @param terminalNonce a value the terminal never used before; the receipt carries it, so an old
   *     receipt replayed by a fake card is rejected
   * @return the card's receipt, to be sent to the issuer for verification and journaling
   * @throws ReceiptRejectedException if the receipt does not answer this debit
   */
  public CardReceipt debit(Payee payee, long amount, long terminalNonce) {
    byte[] data = new byte[12 + PayeeTag.LENGTH];
    Bytes.putU32(data, 0, Bytes.requireAmount("amount", amount));
    Bytes.putU64(data, 4, terminalNonce);
    PayeeTag tag = payee.tag();
    tag.writeTo(data, 12);
    CardReceipt receipt =
        receipt("DEBIT", new CommandAPDU(CLA_PROPRIETARY, 0x54, 0, 0, data, LE_ANY));
    requireAnswers(receipt, CardReceipt.Kind.DEBIT, amount, terminalNonce);
    if (!receipt.payee().equals(tag)) {
      throw new ReceiptRejectedException(
          "the card answered a debit with a receipt for another payee: a substituted receipt");
    }
    return receipt;
  }

  /**
   * Verifies the PIN, sent under session keys of a fresh PIN challenge ({@link PinPad}): reads the
   * card ID, asks the card for a PIN challenge, and sends the protected PIN.
   *
   * @param pad the PIN pad that holds the PIN master of the card's key version
   * @throws WrongPinException with the tries left if it is wrong
   * @throws CardRefusedException with {@link CardRefusal#WRONG_MAC} if the pad's keys are not the
   *     card's (no PIN try is spent)
   * @throws IllegalArgumentException if {@code pin} is not 4 to 8 digits (nothing is sent)
   */
  public void verifyPin(PinPad pad, String pin) {
    sendPin("VERIFY", 0x20, pad, Pin.of(pin));
  }

  /**
   * Changes the PIN, sent like {@link #verifyPin}, which must come first with the old one.
   *
   * @throws IllegalArgumentException if {@code newPin} is not 4 to 8 digits (nothing is sent)
   */
  public void changePin(PinPad pad, String newPin) {
    sendPin("CHANGE PIN", 0x24, pad, Pin.of(newPin));
  }

  private void sendPin(String name, int ins, PinPad pad, byte[] pin) {
    try {
      CardId id = cardId();
      byte[] answer =
          transmit("PIN CHALLENGE", new CommandAPDU(CLA_PROPRIETARY, 0x5A, 0, 0, LE_ANY));
      CardAnswers.requireLength("PIN CHALLENGE", answer, 9);
      PinChallenge challenge = new PinChallenge(Bytes.u64(answer, 0), answer[8] & 0xFF);
      transmit(name, new CommandAPDU(CLA_ISO, ins, 0, 0, pad.protect(ins, id, challenge, pin)));
    } finally {
      java.util.Arrays.fill(pin, (byte) 0);
    }
  }

  /**
   * Blocks the card for good.
   *
   * @param authorisation the issuer's MAC from {@link CardIssuer#authorizeBlock} for the challenge
   *     of this session
   */
  public void block(Mac authorisation) {
    transmit("BLOCK", new CommandAPDU(CLA_PROPRIETARY, 0x56, 0, 0, authorisation.bytes()));
  }

  private CardReceipt receipt(String name, CommandAPDU command) {
    byte[] data = transmit(name, command);
    return CardReceipt.parse(data);
  }

  private byte[] getData(int tag, int length) {
    byte[] data = transmit("GET DATA", new CommandAPDU(CLA_ISO, 0xCA, 0xDF, tag, LE_ANY));
    CardAnswers.requireLength("GET DATA", data, length);
    return data;
  }

  private byte[] transmit(String name, CommandAPDU command) {
    ResponseAPDU response = exchange(name, command);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (int round = 0; isToBeContinued(response); round++) {
      if (round == MAX_ROUNDS) {
        throw new CardProtocolException(
            name + ": the card kept answering 61xx or 6Cxx after " + MAX_ROUNDS + " rounds");
      }
      int sw2 = response.getSW2() == 0 ? LE_ANY : response.getSW2();
      if (response.getSW1() == 0x6C) {
        // wrong Le: the card says how many bytes it has; ask again with that Le
        command =
            new CommandAPDU(
                command.getCLA(),
                command.getINS(),
                command.getP1(),
                command.getP2(),
                command.getData(),
                sw2);
        response = exchange(name, command);
      } else {
        // 61xx: xx more bytes wait for GET RESPONSE (the T=0 way, also used by some readers)
        data.writeBytes(response.getData());
        response = exchange(name, new CommandAPDU(CLA_ISO, 0xC0, 0, 0, sw2));
      }
    }
    int sw = response.getSW();
    if (sw == 0x9000) {
      data.writeBytes(response.getData());
      return data.toByteArray();
    }
    CardRefusal refusal = CardRefusal.of(sw);
    if (refusal == CardRefusal.WRONG_PIN) {
      throw new WrongPinException(sw, name);
    }
    throw new CardRefusedException(refusal, sw, name);
  }

  private static boolean isToBeContinued(ResponseAPDU response) {
    return response.getSW1() == 0x61 || response.getSW1() == 0x6C;
  }

  private ResponseAPDU exchange(String name, CommandAPDU command) {
    try {
      return channel.transmit(command);
    } catch (CardException | IllegalStateException e) {
      throw new CardIoException(name + " did not reach the card: " + e.getMessage(), e);
    }
  }

  private static void requireAnswers(
      CardReceipt receipt, CardReceipt.Kind kind, long amount, long nonce) {
    if (receipt.kind() != kind || receipt.amount() != amount || receipt.nonce() != nonce) {
      throw new ReceiptRejectedException(
          "the card answered "
              + kind
              + " of "
              + amount
              + " with a receipt for another transaction ("
              + receipt.kind()
              + " of "
              + receipt.amount()
              + "): a replayed or substituted receipt");
    }
  }
}
