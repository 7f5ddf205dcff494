package dev.idsettle.roles;

/**
 * The outcome of {@link SettlementTerminal#activate}: one of
 *
 * <ul>
 *   <li>{@link Activated}: activated;
 *   <li>{@link Denial}: refused, nothing changed;
 *   <li>{@link Unknown}: the store failed and may have committed: retry with the same reference to
 *       learn the outcome, or reverse;
 *   <li>{@link Unavailable}: the store failed and committed nothing: retry.
 * </ul>
 */
public sealed interface ActivationResult permits Activated, Denial, Unknown, Unavailable {}
