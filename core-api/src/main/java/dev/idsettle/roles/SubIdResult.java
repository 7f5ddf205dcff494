package dev.idsettle.roles;

/**
 * The outcome of {@link SettlementManager#subId}: issued, denied, unknown, or unavailable (nothing
 * committed).
 */
public sealed interface SubIdResult permits SubIdIssued, Denial, Unknown, Unavailable {}
