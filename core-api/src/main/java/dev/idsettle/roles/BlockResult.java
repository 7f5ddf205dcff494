package dev.idsettle.roles;

/** The outcome of {@link SettlementManager#block}: blocked, denied, or unknown. */
public sealed interface BlockResult permits Blocked, Denial, Unknown {}
