package dev.idsettle.card.applet;

import javacard.framework.ISO7816;

/**
 * The applet's protocol: instruction bytes, GET DATA tags, lifecycle states, status words, and the
 * layouts of receipts and issuer authorisations. The module's README has the same in a table.
 */
final class Protocol {

  static final byte CLA_ISO = (byte) 0x00;
  static final byte CLA_PROPRIETARY = (byte) 0x80;

  static final byte INS_VERIFY = (byte) 0x20;
  static final byte INS_CHANGE_PIN = (byte) 0x24;
  static final byte INS_GET_DATA = (byte) 0xCA;
  static final byte INS_PERSONALIZE = (byte) 0x10;
  static final byte INS_INITIALIZE = (byte) 0x50;
  static final byte INS_CREDIT = (byte) 0x52;
  static final byte INS_DEBIT = (byte) 0x54;
  static final byte INS_BLOCK = (byte) 0x56;
  static final byte INS_STATUS = (byte) 0x58;
  static final byte INS_PIN_CHALLENGE = (byte) 0x5A;

  static final byte TAG_CLASS = (byte) 0xDF;
  static final byte TAG_ID = (byte) 0x01;
  static final byte TAG_BALANCE = (byte) 0x02;
  static final byte TAG_COUNTER = (byte) 0x03;
  static final byte TAG_STATUS = (byte) 0x04;
  static final byte TAG_LAST_TRANSACTION = (byte) 0x05;

  static final byte STATE_INSTALLED = (byte) 0x01;
  static final byte STATE_PERSONALISED = (byte) 0x02;
  static final byte STATE_ACTIVE = (byte) 0x03;
  static final byte STATE_BLOCKED = (byte) 0x04;

  static final short SW_WRONG_PIN = (short) 0x63C0;
  static final short SW_PIN_NOT_VERIFIED = ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED;
  static final short SW_PIN_BLOCKED = ISO7816.SW_FILE_INVALID;
  static final short SW_CARD_BLOCKED = ISO7816.SW_DATA_INVALID;
  static final short SW_INSUFFICIENT_BALANCE = ISO7816.SW_CONDITIONS_NOT_SATISFIED;
  static final short SW_NO_CHALLENGE = ISO7816.SW_COMMAND_NOT_ALLOWED;
  static final short SW_WRONG_MAC = (short) 0x6988;
  static final short SW_NO_PIN = ISO7816.SW_FUNC_NOT_SUPPORTED;
  static final short SW_LIMIT_REACHED = ISO7816.SW_FILE_FULL;
  static final short SW_NO_DATA = (short) 0x6A88;
  static final short SW_ALREADY_PERSONALISED = (short) 0x6A89;

  static final short ID_LENGTH = (short) 10;
  static final short CURRENCY_LENGTH = (short) 2;
  static final short KEY_LENGTH = (short) 16;
  static final short MAC_LENGTH = (short) 16;
  static final short CHALLENGE_LENGTH = (short) 8;
  static final short PAYEE_LENGTH = (short) 16;
  static final byte PIN_TRY_LIMIT = (byte) 3;
  static final byte PIN_MIN_LENGTH = (byte) 4;
  static final byte PIN_MAX_LENGTH = (byte) 8;

  // A receipt: kind | key version | card ID | counter | amount | new balance | nonce | payee |
  // MAC over all before it.
  static final short REC_KIND = (short) 0;
  static final short REC_KEY_VERSION = (short) 1;
  static final short REC_ID = (short) 2;
  static final short REC_COUNTER = (short) 12;
  static final short REC_AMOUNT = (short) 16;
  static final short REC_BALANCE = (short) 20;
  static final short REC_NONCE = (short) 24;
  static final short REC_PAYEE = (short) 32;
  static final short REC_MAC = (short) 48;
  static final short REC_LENGTH = (short) 64;

  // An issuer authorisation: INS | card ID | challenge | counter [| amount], then its MAC.
  static final short AUTH_KIND = (short) 64;
  static final short AUTH_ID = (short) 65;
  static final short AUTH_CHALLENGE = (short) 75;
  static final short AUTH_COUNTER = (short) 83;
  static final short AUTH_AMOUNT = (short) 87;
  static final short SCRATCH_LENGTH = (short) 91;

  // The authenticated status, built in the APDU buffer: 58 | key version | card ID | balance |
  // counter | lifecycle | last receipt | host nonce | MAC over all before it.
  static final short ST_KIND = (short) 0;
  static final short ST_KEY_VERSION = (short) 1;
  static final short ST_ID = (short) 2;
  static final short ST_BALANCE = (short) 12;
  static final short ST_COUNTER = (short) 16;
  static final short ST_STATE = (short) 20;
  static final short ST_LAST = (short) 21;
  static final short ST_NONCE = (short) 85;
  static final short ST_MAC = (short) 93;
  static final short ST_LENGTH = (short) 109;

  static final short PERSO_LENGTH_NO_PIN = (short) 62;

  // PERSONALIZE under a transport key: ID | currency | key version | cryptogram | MAC.
  // The cryptogram is AES-CBC (zero IV) under the transport encryption key of
  // command key | receipt key | PIN key | PIN length | PIN, zero-padded to 64 bytes; the MAC is
  // AES-CMAC under the transport MAC key of everything before it.
  static final short WRAPPED_HEADER = (short) 13;
  static final short CRYPTOGRAM_LENGTH = (short) 64;
  static final short WRAPPED_LENGTH = (short) 93;
  static final short WRAPPED_PIN_LENGTH = (short) 48;
  static final short WRAPPED_PIN = (short) 49;

  // VERIFY and CHANGE PIN: host nonce | PIN block under the session encryption key | MAC under the
  // session MAC key of INS | host nonce | PIN block. The PIN block is PIN length | PIN | host's
  // random fill, one AES block. Session keys: NIST SP 800-108 with AES-CMAC under the card's PIN
  // key, label "PENC" or "PMAC", context the card's PIN challenge and the host nonce.
  static final short PIN_NONCE_LENGTH = (short) 8;
  static final short PIN_BLOCK = (short) 8;
  static final short PIN_BLOCK_LENGTH = (short) 16;
  static final short PIN_MAC = (short) 24;
  static final short PIN_COMMAND_LENGTH = (short) 40;
  static final short PIN_CHALLENGE_LENGTH = (short) 9;
  // In the scratch: the KDF input (24 bytes) at 0, its output at 24; the MAC input (25 bytes) at
  // 40; the decrypted PIN block at 65.
  static final short KDF_INPUT_LENGTH = (short) 24;
  static final short KDF_OUTPUT = (short) 24;
  static final short PIN_MAC_INPUT = (short) 40;
  static final short PIN_MAC_INPUT_LENGTH = (short) 25;
  static final short PIN_PLAIN = (short) 65;
  static final short TRANSPORT_KEYS_LENGTH = (short) 32;
  static final short CREDIT_LENGTH = (short) 20;
  static final short DEBIT_LENGTH = (short) 28;
  static final short INITIALIZE_LENGTH = (short) 13;

  private Protocol() {}
}
