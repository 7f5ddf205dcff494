package dev.idsettle.roles;

/**
 * The outcome of {@link SettlementTerminal#reverse}: one of
 *
 * <ul>
 *   <li>{@link Reversed}: reversed;
 *   <li>{@link Denial}: refused, nothing changed;
 *   <li>{@link Unknown}: the store failed and may have committed: retry with the same reference to
 *       learn the outcome;
 *   <li>{@link Unavailable}: the store failed and committed nothing: retry.
 * </ul>
 */
public sealed interface ReversalResult permits Reversed, Denial, Unknown, Unavailable {}
