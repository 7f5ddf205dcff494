package dev.idsettle.roles;

/** The outcome of {@link SettlementManager#subId}: issued, denied, or unknown. */
public sealed interface SubIdResult permits SubIdIssued, Denial, Unknown {}
