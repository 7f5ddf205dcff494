package dev.idsettle.roles;

/** The answer to a validity query ({@link SettlementManager#query}): valid, denied, or unknown. */
public sealed interface ValidityResult permits Valid, Denial, Unknown {}
