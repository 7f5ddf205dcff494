package dev.idsettle.roles;

/**
 * The outcome of activating slips: {@link SlipsActivated}, {@link SlipDenial} or {@link
 * SlipUnknown}.
 */
public sealed interface SlipActivationResult permits SlipsActivated, SlipDenial, SlipUnknown {}
