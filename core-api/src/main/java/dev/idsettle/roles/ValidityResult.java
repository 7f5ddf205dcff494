package dev.idsettle.roles;

/**
 * The answer to a validity query ({@link SettlementManager#query}): valid, denied, unknown, or
 * unavailable (nothing committed).
 */
public sealed interface ValidityResult permits Valid, Denial, Unknown, Unavailable {}
