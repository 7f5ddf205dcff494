package dev.idsettle.card.testing;

/**
 * Thrown from a tear point: the card lost power here. An {@link Error}, so that applet code that
 * catches exceptions cannot swallow it.
 */
final class CardTornError extends Error {

  private static final long serialVersionUID = 1L;

  CardTornError(int point) {
    super("card torn from the reader before persistent write " + point);
  }
}
