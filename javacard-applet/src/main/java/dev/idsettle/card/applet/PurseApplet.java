package dev.idsettle.card.applet;

import static dev.idsettle.card.applet.Protocol.*;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.OwnerPIN;
import javacard.framework.Util;
import javacard.security.AESKey;
import javacard.security.KeyBuilder;
import javacard.security.RandomData;
import javacard.security.Signature;
import javacardx.crypto.Cipher;

/**
 * A Java Card (classic) purse that keeps one prepaid ID number and its balance.
 *
 * <p>The issuer personalises the card once (ID, currency, three per-card AES keys, optional PIN).
 * The first authenticated CREDIT activates it. Credits and BLOCK carry an AES-CMAC by the issuer
 * over a fresh card challenge and the transaction counter, so none can be replayed. Every DEBIT and
 * CREDIT returns a receipt, an AES-CMAC under a key that only the card and the issuer hold, over
 * the card ID, the new counter, the amount, the new balance and the terminal's nonce (or the card's
 * challenge). Balance, counter and the last receipt change in one transaction. VERIFY and CHANGE
 * PIN carry the PIN encrypted and MAC'd under session keys derived from the card's PIN key, a fresh
 * PIN challenge and the host's nonce. The APDU table is in the module's README.
 */
public final class PurseApplet extends Applet {

  private final byte[] cardId = new byte[ID_LENGTH];
  private final byte[] currency = new byte[CURRENCY_LENGTH];
  private final byte[] balance = new byte[U32.LENGTH];
  private final byte[] counter = new byte[U32.LENGTH];
  private final byte[] lastTransaction = new byte[REC_LENGTH];
  private byte state = STATE_INSTALLED;
  private byte keyVersion;
  private boolean pinRequired;

  private final OwnerPIN pin = new OwnerPIN(PIN_TRY_LIMIT, PIN_MAX_LENGTH);
  private final AESKey commandKey;
  private final AESKey receiptKey;
  private final AESKey pinKey;
  private final AESKey sessionEncKey;
  private final AESKey sessionMacKey;
  private final AESKey transportEncKey;
  private final AESKey transportMacKey;
  private boolean transportKeyed;
  private final Cipher aesCbc;
  private final Signature cmac;
  private final RandomData random;

  private final byte[] challenge;
  private final boolean[] challengeFresh;
  private final byte[] pinChallenge;
  private final boolean[] pinChallengeFresh;
  private final byte[] scratch;

  private PurseApplet() {
    commandKey =
        (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
    receiptKey =
        (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
    pinKey = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
    sessionEncKey =
        (AESKey)
            KeyBuilder.buildKey(
                KeyBuilder.TYPE_AES_TRANSIENT_DESELECT, KeyBuilder.LENGTH_AES_128, false);
    sessionMacKey =
        (AESKey)
            KeyBuilder.buildKey(
                KeyBuilder.TYPE_AES_TRANSIENT_DESELECT, KeyBuilder.LENGTH_AES_128, false);
    transportEncKey =
        (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
    transportMacKey =
        (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
    aesCbc = Cipher.getInstance(Cipher.ALG_AES_BLOCK_128_CBC_NOPAD, false);
    cmac = Signature.getInstance(Signature.ALG_AES_CMAC_128, false);
    random = RandomData.getInstance(RandomData.ALG_SECURE_RANDOM);
    challenge = JCSystem.makeTransientByteArray(CHALLENGE_LENGTH, JCSystem.CLEAR_ON_DESELECT);
    challengeFresh = JCSystem.makeTransientBooleanArray((short) 1, JCSystem.CLEAR_ON_DESELECT);
    pinChallenge = JCSystem.makeTransientByteArray(CHALLENGE_LENGTH, JCSystem.CLEAR_ON_DESELECT);
    pinChallengeFresh = JCSystem.makeTransientBooleanArray((short) 1, JCSystem.CLEAR_ON_DESELECT);
    scratch = JCSystem.makeTransientByteArray(SCRATCH_LENGTH, JCSystem.CLEAR_ON_DESELECT);
  }

  /**
   * Called by the card's runtime to create the applet.
   *
   * <p>GlobalPlatform install parameters: instance AID length and AID, privileges length and
   * privileges, application parameters length and parameters. Application parameters of 32 bytes
   * are the chip's transport keys (encryption key, then MAC key): the card then accepts only a
   * PERSONALIZE wrapped under them.
   *
   * @param parameters GlobalPlatform install parameters, or empty
   * @param offset where the parameters start
   * @param length how many bytes of parameters there are
   */
  public static void install(byte[] parameters, short offset, byte length) {
    PurseApplet applet = new PurseApplet();
    if (length == (byte) 0) {
      applet.register();
      return;
    }
    short end = (short) (offset + length);
    short privileges = (short) (offset + 1 + parameters[offset]);
    short application = (short) (privileges + 1 + parameters[privileges]);
    if (application < end && parameters[application] == (byte) TRANSPORT_KEYS_LENGTH) {
      applet.transportEncKey.setKey(parameters, (short) (application + 1));
      applet.transportMacKey.setKey(parameters, (short) (application + 1 + KEY_LENGTH));
      applet.transportKeyed = true;
    }
    applet.register(parameters, (short) (offset + 1), parameters[offset]);
  }

  /** Clears the PIN verification; the challenge goes with the transient memory. */
  @Override
  public void deselect() {
    pin.reset();
  }

  /**
   * Dispatches one command APDU.
   *
   * @param apdu the command
   */
  @Override
  public void process(APDU apdu) {
    if (selectingApplet()) {
      return;
    }
    byte[] buffer = apdu.getBuffer();
    byte cla = buffer[ISO7816.OFFSET_CLA];
    byte ins = buffer[ISO7816.OFFSET_INS];
    if (cla == CLA_ISO) {
      processIso(apdu, buffer, ins);
    } else if (cla == CLA_PROPRIETARY) {
      requireP1P2Zero(buffer);
      processProprietary(apdu, ins);
    } else {
      ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
    }
  }

  private void processIso(APDU apdu, byte[] buffer, byte ins) {
    if (ins == INS_GET_DATA) {
      getData(apdu, buffer);
      return;
    }
    requireP1P2Zero(buffer);
    if (ins == INS_VERIFY) {
      verifyPin(apdu);
    } else if (ins == INS_CHANGE_PIN) {
      changePin(apdu);
    } else {
      ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
  }

  private void processProprietary(APDU apdu, byte ins) {
    switch (ins) {
      case INS_PERSONALIZE:
        personalize(apdu);
        break;
      case INS_INITIALIZE:
        initialize(apdu);
        break;
      case INS_CREDIT:
        credit(apdu);
        break;
      case INS_DEBIT:
        debit(apdu);
        break;
      case INS_BLOCK:
        block(apdu);
        break;
      case INS_STATUS:
        authenticatedStatus(apdu);
        break;
      case INS_PIN_CHALLENGE:
        pinChallenge(apdu);
        break;
      default:
        ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
  }

  private void personalize(APDU apdu) {
    if (state != STATE_INSTALLED) {
      ISOException.throwIt(SW_ALREADY_PERSONALISED);
    }
    byte[] buffer = apdu.getBuffer();
    short length = apdu.setIncomingAndReceive();
    if (transportKeyed) {
      personalizeWrapped(buffer, length);
      return;
    }
    if (length < PERSO_LENGTH_NO_PIN) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    short off = ISO7816.OFFSET_CDATA;
    byte pinLength = buffer[(short) (off + PERSO_LENGTH_NO_PIN - 1)];
    if ((short) (PERSO_LENGTH_NO_PIN + pinLength) != length) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    if (!Bcd.isCardId(buffer, off, ID_LENGTH)
        || !Bcd.isCurrency(buffer, (short) (off + ID_LENGTH))
        || (pinLength != (byte) 0 && !isPinLength(pinLength))) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    // Nothing counts until the state byte, written last, says the card is personalised.
    Util.arrayCopy(buffer, off, cardId, (short) 0, ID_LENGTH);
    off += ID_LENGTH;
    Util.arrayCopy(buffer, off, currency, (short) 0, CURRENCY_LENGTH);
    off += CURRENCY_LENGTH;
    keyVersion = buffer[off];
    off++;
    commandKey.setKey(buffer, off);
    off += KEY_LENGTH;
    receiptKey.setKey(buffer, off);
    off += KEY_LENGTH;
    pinKey.setKey(buffer, off);
    off += (short) (KEY_LENGTH + 1);
    pinRequired = pinLength != (byte) 0;
    if (pinRequired) {
      pin.update(buffer, off, pinLength);
    }
    state = STATE_PERSONALISED;
  }

  /**
   * PERSONALIZE on a card installed with transport keys: checks the MAC, decrypts the keys and PIN
   * into the scratch, checks them, sets them and clears the scratch. Nothing counts until the state
   * byte, written last, says the card is personalised.
   */
  private void personalizeWrapped(byte[] buffer, short length) {
    if (length != WRAPPED_LENGTH) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    short off = ISO7816.OFFSET_CDATA;
    cmac.init(transportMacKey, Signature.MODE_VERIFY);
    if (!cmac.verify(
        buffer,
        off,
        (short) (WRAPPED_HEADER + CRYPTOGRAM_LENGTH),
        buffer,
        (short) (off + WRAPPED_HEADER + CRYPTOGRAM_LENGTH),
        MAC_LENGTH)) {
      ISOException.throwIt(SW_WRONG_MAC);
    }
    aesCbc.init(transportEncKey, Cipher.MODE_DECRYPT);
    aesCbc.doFinal(buffer, (short) (off + WRAPPED_HEADER), CRYPTOGRAM_LENGTH, scratch, (short) 0);
    byte pinLength = scratch[WRAPPED_PIN_LENGTH];
    if (!Bcd.isCardId(buffer, off, ID_LENGTH)
        || !Bcd.isCurrency(buffer, (short) (off + ID_LENGTH))
        || (pinLength != (byte) 0 && !isPinLength(pinLength))) {
      Util.arrayFillNonAtomic(scratch, (short) 0, CRYPTOGRAM_LENGTH, (byte) 0);
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    Util.arrayCopy(buffer, off, cardId, (short) 0, ID_LENGTH);
    Util.arrayCopy(buffer, (short) (off + ID_LENGTH), currency, (short) 0, CURRENCY_LENGTH);
    keyVersion = buffer[(short) (off + ID_LENGTH + CURRENCY_LENGTH)];
    commandKey.setKey(scratch, (short) 0);
    receiptKey.setKey(scratch, KEY_LENGTH);
    pinKey.setKey(scratch, (short) (2 * KEY_LENGTH));
    pinRequired = pinLength != (byte) 0;
    if (pinRequired) {
      pin.update(scratch, WRAPPED_PIN, pinLength);
    }
    Util.arrayFillNonAtomic(scratch, (short) 0, CRYPTOGRAM_LENGTH, (byte) 0);
    state = STATE_PERSONALISED;
  }

  private void getData(APDU apdu, byte[] buffer) {
    if (buffer[ISO7816.OFFSET_P1] != TAG_CLASS) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    byte tag = buffer[ISO7816.OFFSET_P2];
    if (tag == TAG_STATUS) {
      buffer[0] = state;
      buffer[1] = pinRequired ? (byte) 1 : (byte) 0;
      buffer[2] = pin.getTriesRemaining();
      apdu.setOutgoingAndSend((short) 0, (short) 3);
      return;
    }
    if (tag < TAG_ID || tag > TAG_LAST_TRANSACTION) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    if (state == STATE_INSTALLED) {
      ISOException.throwIt(SW_NO_DATA);
    }
    short length;
    if (tag == TAG_ID) {
      length = Util.arrayCopyNonAtomic(cardId, (short) 0, buffer, (short) 0, ID_LENGTH);
    } else if (tag == TAG_BALANCE) {
      Util.arrayCopyNonAtomic(balance, (short) 0, buffer, (short) 0, U32.LENGTH);
      length = Util.arrayCopyNonAtomic(currency, (short) 0, buffer, U32.LENGTH, CURRENCY_LENGTH);
    } else if (tag == TAG_COUNTER) {
      length = Util.arrayCopyNonAtomic(counter, (short) 0, buffer, (short) 0, U32.LENGTH);
    } else {
      if (lastTransaction[REC_KIND] == (byte) 0) {
        ISOException.throwIt(SW_NO_DATA);
      }
      length = Util.arrayCopyNonAtomic(lastTransaction, (short) 0, buffer, (short) 0, REC_LENGTH);
    }
    apdu.setOutgoingAndSend((short) 0, length);
  }

  private void initialize(APDU apdu) {
    requireUsable();
    receiveExactly(apdu, (short) 0);
    random.generateData(challenge, (short) 0, CHALLENGE_LENGTH);
    challengeFresh[0] = true;
    byte[] buffer = apdu.getBuffer();
    Util.arrayCopyNonAtomic(challenge, (short) 0, buffer, (short) 0, CHALLENGE_LENGTH);
    Util.arrayCopyNonAtomic(counter, (short) 0, buffer, CHALLENGE_LENGTH, U32.LENGTH);
    buffer[(short) (CHALLENGE_LENGTH + U32.LENGTH)] = keyVersion;
    apdu.setOutgoingAndSend((short) 0, INITIALIZE_LENGTH);
  }

  private void credit(APDU apdu) {
    requireUsable();
    byte[] buffer = apdu.getBuffer();
    receiveExactly(apdu, CREDIT_LENGTH);
    short amount = ISO7816.OFFSET_CDATA;
    verifyAuthorisation(INS_CREDIT, buffer, amount, (short) (amount + U32.LENGTH));
    if (U32.isZero(buffer, amount)) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    if (U32.add(balance, (short) 0, buffer, amount, scratch, REC_BALANCE)) {
      ISOException.throwIt(SW_LIMIT_REACHED);
    }
    Util.arrayCopyNonAtomic(scratch, AUTH_CHALLENGE, scratch, REC_NONCE, CHALLENGE_LENGTH);
    Util.arrayFillNonAtomic(scratch, REC_PAYEE, PAYEE_LENGTH, (byte) 0);
    commitValueChange(apdu, INS_CREDIT, amount);
  }

  private void debit(APDU apdu) {
    requireUsable();
    byte[] buffer = apdu.getBuffer();
    receiveExactly(apdu, DEBIT_LENGTH);
    if (pinRequired) {
      requirePinUsable();
      if (!pin.isValidated()) {
        ISOException.throwIt(SW_PIN_NOT_VERIFIED);
      }
    }
    short amount = ISO7816.OFFSET_CDATA;
    if (U32.isZero(buffer, amount)) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    if (U32.subtract(balance, (short) 0, buffer, amount, scratch, REC_BALANCE)) {
      ISOException.throwIt(SW_INSUFFICIENT_BALANCE);
    }
    Util.arrayCopyNonAtomic(
        buffer, (short) (amount + U32.LENGTH), scratch, REC_NONCE, CHALLENGE_LENGTH);
    Util.arrayCopyNonAtomic(
        buffer, (short) (amount + U32.LENGTH + CHALLENGE_LENGTH), scratch, REC_PAYEE, PAYEE_LENGTH);
    commitValueChange(apdu, INS_DEBIT, amount);
    if (pinRequired) {
      pin.reset();
    }
  }

  /**
   * Completes the receipt whose new balance and nonce are already in the scratch, MACs it, then
   * writes balance, counter and receipt in one transaction and sends the receipt.
   */
  private void commitValueChange(APDU apdu, byte kind, short amountOffset) {
    byte[] buffer = apdu.getBuffer();
    if (U32.increment(counter, (short) 0, scratch, REC_COUNTER)) {
      ISOException.throwIt(SW_LIMIT_REACHED);
    }
    scratch[REC_KIND] = kind;
    scratch[REC_KEY_VERSION] = keyVersion;
    Util.arrayCopyNonAtomic(cardId, (short) 0, scratch, REC_ID, ID_LENGTH);
    Util.arrayCopyNonAtomic(buffer, amountOffset, scratch, REC_AMOUNT, U32.LENGTH);
    cmac.init(receiptKey, Signature.MODE_SIGN);
    cmac.sign(scratch, REC_KIND, REC_MAC, scratch, REC_MAC);

    JCSystem.beginTransaction();
    Util.arrayCopy(scratch, REC_BALANCE, balance, (short) 0, U32.LENGTH);
    Util.arrayCopy(scratch, REC_COUNTER, counter, (short) 0, U32.LENGTH);
    Util.arrayCopy(scratch, REC_KIND, lastTransaction, (short) 0, REC_LENGTH);
    if (state == STATE_PERSONALISED) {
      state = STATE_ACTIVE;
    }
    JCSystem.commitTransaction();

    Util.arrayCopyNonAtomic(scratch, REC_KIND, buffer, (short) 0, REC_LENGTH);
    apdu.setOutgoingAndSend((short) 0, REC_LENGTH);
  }

  private void block(APDU apdu) {
    requireUsable();
    receiveExactly(apdu, MAC_LENGTH);
    verifyAuthorisation(INS_BLOCK, apdu.getBuffer(), (short) -1, ISO7816.OFFSET_CDATA);
    state = STATE_BLOCKED;
  }

  /**
   * Answers the card's state (key version, ID, balance, counter, lifecycle, last receipt) with the
   * host's nonce under a MAC with the receipt key, so that a reader between host and card cannot
   * alter it. It also uses up any challenge: a CREDIT or BLOCK authorised before it can no longer
   * land, so a status that shows a credit not applied shows it never will be.
   */
  private void authenticatedStatus(APDU apdu) {
    if (state == STATE_INSTALLED) {
      ISOException.throwIt(SW_NO_DATA);
    }
    receiveExactly(apdu, CHALLENGE_LENGTH);
    challengeFresh[0] = false;
    byte[] buffer = apdu.getBuffer();
    Util.arrayCopyNonAtomic(buffer, ISO7816.OFFSET_CDATA, scratch, (short) 0, CHALLENGE_LENGTH);
    Util.arrayCopyNonAtomic(scratch, (short) 0, buffer, ST_NONCE, CHALLENGE_LENGTH);
    buffer[ST_KIND] = INS_STATUS;
    buffer[ST_KEY_VERSION] = keyVersion;
    Util.arrayCopyNonAtomic(cardId, (short) 0, buffer, ST_ID, ID_LENGTH);
    Util.arrayCopyNonAtomic(balance, (short) 0, buffer, ST_BALANCE, U32.LENGTH);
    Util.arrayCopyNonAtomic(counter, (short) 0, buffer, ST_COUNTER, U32.LENGTH);
    buffer[ST_STATE] = state;
    Util.arrayCopyNonAtomic(lastTransaction, (short) 0, buffer, ST_LAST, REC_LENGTH);
    cmac.init(receiptKey, Signature.MODE_SIGN);
    cmac.sign(buffer, ST_KIND, ST_MAC, buffer, ST_MAC);
    apdu.setOutgoingAndSend(ST_KIND, ST_LENGTH);
  }

  /**
   * Uses up the challenge and checks the issuer's MAC over kind, card ID, challenge, counter and,
   * when {@code amountOffset} is not negative, the amount.
   */
  private void verifyAuthorisation(byte kind, byte[] buffer, short amountOffset, short macOffset) {
    if (!challengeFresh[0]) {
      ISOException.throwIt(SW_NO_CHALLENGE);
    }
    challengeFresh[0] = false;
    scratch[AUTH_KIND] = kind;
    Util.arrayCopyNonAtomic(cardId, (short) 0, scratch, AUTH_ID, ID_LENGTH);
    Util.arrayCopyNonAtomic(challenge, (short) 0, scratch, AUTH_CHALLENGE, CHALLENGE_LENGTH);
    Util.arrayCopyNonAtomic(counter, (short) 0, scratch, AUTH_COUNTER, U32.LENGTH);
    short length = (short) (AUTH_AMOUNT - AUTH_KIND);
    if (amountOffset >= (short) 0) {
      Util.arrayCopyNonAtomic(buffer, amountOffset, scratch, AUTH_AMOUNT, U32.LENGTH);
      length += U32.LENGTH;
    }
    cmac.init(commandKey, Signature.MODE_VERIFY);
    if (!cmac.verify(scratch, AUTH_KIND, length, buffer, macOffset, MAC_LENGTH)) {
      ISOException.throwIt(SW_WRONG_MAC);
    }
  }

  /**
   * Answers a fresh PIN challenge and the key version: the next VERIFY or CHANGE PIN must carry its
   * PIN under session keys derived from it, and uses it up whatever its outcome.
   */
  private void pinChallenge(APDU apdu) {
    requireUsable();
    requirePinUsable();
    receiveExactly(apdu, (short) 0);
    random.generateData(pinChallenge, (short) 0, CHALLENGE_LENGTH);
    pinChallengeFresh[0] = true;
    byte[] buffer = apdu.getBuffer();
    Util.arrayCopyNonAtomic(pinChallenge, (short) 0, buffer, (short) 0, CHALLENGE_LENGTH);
    buffer[CHALLENGE_LENGTH] = keyVersion;
    apdu.setOutgoingAndSend((short) 0, PIN_CHALLENGE_LENGTH);
  }

  private void verifyPin(APDU apdu) {
    requireUsable();
    requirePinUsable();
    byte length = unwrapPin(apdu, INS_VERIFY);
    boolean right = pin.check(scratch, (short) (PIN_PLAIN + 1), length);
    Util.arrayFillNonAtomic(scratch, PIN_PLAIN, PIN_BLOCK_LENGTH, (byte) 0);
    if (!right) {
      byte tries = pin.getTriesRemaining();
      ISOException.throwIt(tries == (byte) 0 ? SW_PIN_BLOCKED : (short) (SW_WRONG_PIN | tries));
    }
  }

  private void changePin(APDU apdu) {
    requireUsable();
    requirePinUsable();
    if (!pin.isValidated()) {
      ISOException.throwIt(SW_PIN_NOT_VERIFIED);
    }
    byte length = unwrapPin(apdu, INS_CHANGE_PIN);
    JCSystem.beginTransaction();
    pin.update(scratch, (short) (PIN_PLAIN + 1), length);
    JCSystem.commitTransaction();
    Util.arrayFillNonAtomic(scratch, PIN_PLAIN, PIN_BLOCK_LENGTH, (byte) 0);
  }

  /**
   * Uses up the PIN challenge, derives the session keys from it and the host nonce, checks the MAC,
   * and decrypts the PIN block into the scratch at {@code PIN_PLAIN}. Returns the PIN length. A
   * refusal here costs no PIN try.
   */
  private byte unwrapPin(APDU apdu, byte ins) {
    receiveExactly(apdu, PIN_COMMAND_LENGTH);
    if (!pinChallengeFresh[0]) {
      ISOException.throwIt(SW_NO_CHALLENGE);
    }
    pinChallengeFresh[0] = false;
    byte[] buffer = apdu.getBuffer();
    short nonce = ISO7816.OFFSET_CDATA;
    sessionKey(sessionEncKey, (byte) 'E', buffer, nonce);
    sessionKey(sessionMacKey, (byte) 'M', buffer, nonce);
    scratch[PIN_MAC_INPUT] = ins;
    Util.arrayCopyNonAtomic(
        buffer, nonce, scratch, (short) (PIN_MAC_INPUT + 1), (short) (PIN_MAC_INPUT_LENGTH - 1));
    cmac.init(sessionMacKey, Signature.MODE_VERIFY);
    if (!cmac.verify(
        scratch,
        PIN_MAC_INPUT,
        PIN_MAC_INPUT_LENGTH,
        buffer,
        (short) (nonce + PIN_MAC),
        MAC_LENGTH)) {
      ISOException.throwIt(SW_WRONG_MAC);
    }
    aesCbc.init(sessionEncKey, Cipher.MODE_DECRYPT);
    aesCbc.doFinal(buffer, (short) (nonce + PIN_BLOCK), PIN_BLOCK_LENGTH, scratch, PIN_PLAIN);
    byte length = scratch[PIN_PLAIN];
    if (!isPinLength(length)) {
      Util.arrayFillNonAtomic(scratch, PIN_PLAIN, PIN_BLOCK_LENGTH, (byte) 0);
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    return length;
  }

  /**
   * Sets {@code key} to AES-CMAC(PIN key, 01 | "P" kind "NC" or "AC" | 00 | PIN challenge | host
   * nonce | 00 80): SP 800-108 with label "PENC" or "PMAC". The scratch is cleared after.
   */
  private void sessionKey(AESKey key, byte kind, byte[] buffer, short nonce) {
    scratch[0] = (byte) 1;
    scratch[1] = (byte) 'P';
    scratch[2] = kind;
    scratch[3] = kind == (byte) 'E' ? (byte) 'N' : (byte) 'A';
    scratch[4] = (byte) 'C';
    scratch[5] = (byte) 0;
    Util.arrayCopyNonAtomic(pinChallenge, (short) 0, scratch, (short) 6, CHALLENGE_LENGTH);
    Util.arrayCopyNonAtomic(buffer, nonce, scratch, (short) 14, PIN_NONCE_LENGTH);
    scratch[22] = (byte) 0;
    scratch[23] = (byte) 0x80;
    cmac.init(pinKey, Signature.MODE_SIGN);
    cmac.sign(scratch, (short) 0, KDF_INPUT_LENGTH, scratch, KDF_OUTPUT);
    key.setKey(scratch, KDF_OUTPUT);
    Util.arrayFillNonAtomic(scratch, (short) 0, (short) (KDF_OUTPUT + KEY_LENGTH), (byte) 0);
  }

  private void requireUsable() {
    if (state == STATE_INSTALLED) {
      ISOException.throwIt(SW_NO_DATA);
    }
    if (state == STATE_BLOCKED) {
      ISOException.throwIt(SW_CARD_BLOCKED);
    }
  }

  private void requirePinUsable() {
    if (!pinRequired) {
      ISOException.throwIt(SW_NO_PIN);
    }
    if (pin.getTriesRemaining() == (byte) 0) {
      ISOException.throwIt(SW_PIN_BLOCKED);
    }
  }

  private static boolean isPinLength(short length) {
    return length >= PIN_MIN_LENGTH && length <= PIN_MAX_LENGTH;
  }

  private static void requireP1P2Zero(byte[] buffer) {
    if (buffer[ISO7816.OFFSET_P1] != (byte) 0 || buffer[ISO7816.OFFSET_P2] != (byte) 0) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
  }

  private static void receiveExactly(APDU apdu, short expected) {
    if (apdu.setIncomingAndReceive() != expected) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
  }
}
