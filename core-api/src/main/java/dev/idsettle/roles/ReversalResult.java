package dev.idsettle.roles;

/** The outcome of {@link SettlementTerminal#reverse}: reversed, denied, or unknown. */
public sealed interface ReversalResult permits Reversed, Denial, Unknown {}
