package dev.idsettle.roles;

/**
 * The outcome of a {@link ServiceSelector} call: done, denied, unknown, or unavailable (nothing
 * committed).
 */
public sealed interface SelectionResult permits Selected, Denial, Unknown, Unavailable {}
