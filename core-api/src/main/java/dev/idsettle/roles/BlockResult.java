package dev.idsettle.roles;

/**
 * The outcome of {@link SettlementManager#block}: blocked, denied, unknown, or unavailable (nothing
 * committed).
 */
public sealed interface BlockResult permits Blocked, Denial, Unknown, Unavailable {}
