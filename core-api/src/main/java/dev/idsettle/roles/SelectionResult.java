package dev.idsettle.roles;

/** The outcome of a {@link ServiceSelector} call: done, denied, or unknown. */
public sealed interface SelectionResult permits Selected, Denial, Unknown {}
