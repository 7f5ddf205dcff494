package dev.idsettle.roles;

/**
 * Slip activation refused: no slip changed.
 *
 * @param reason the typed reason
 * @param message what was wrong, in words, safe to log (never a full ID number)
 */
public record SlipDenial(SlipDenialReason reason, String message) implements SlipActivationResult {}
