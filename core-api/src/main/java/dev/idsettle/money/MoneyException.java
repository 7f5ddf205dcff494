package dev.idsettle.money;

import dev.idsettle.InvalidRequestException;

/** Arithmetic on money that would overflow, or that mixes currencies: never a silent wrap. */
public final class MoneyException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  public MoneyException(String message) {
    super(message);
  }
}
