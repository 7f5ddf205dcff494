package dev.idsettle.roles;

/** The outcome of {@link SettlementTerminal#activate}: activated, denied, or unknown. */
public sealed interface ActivationResult permits Activated, Denial, Unknown {}
