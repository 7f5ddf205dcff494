package dev.idsettle.ledger;

import dev.idsettle.IdSettleException;

/**
 * A batch's keys ({@link LedgerBatch#withKeys}) could not be inserted because a key with one of
 * their hashes exists already (another caller linked the same thing first): nothing of the batch
 * was committed. Look the key up again and submit the batch anew with what it says.
 */
public final class KeyExistsException extends IdSettleException {
  private static final long serialVersionUID = 1L;

  KeyExistsException(int count) {
    super(
        count
            + " of the batch's account keys existed already: nothing was committed; look them up"
            + " and submit again");
  }
}
