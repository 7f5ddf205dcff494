package dev.idsettle.catalog;

import dev.idsettle.InvalidRequestException;

/** The catalogue has no item with the id asked for. */
public final class UnknownItemException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  private final String item;

  /** No item {@code item}. */
  public UnknownItemException(String item) {
    super("item: the catalogue has no item \"" + Text.shorten(item) + "\"");
    this.item = item;
  }

  /** The item id asked for. */
  public String item() {
    return item;
  }
}
