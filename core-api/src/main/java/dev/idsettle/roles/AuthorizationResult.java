package dev.idsettle.roles;

/** The outcome of {@link SettlementAuthenticator#authorize}: permitted, denied, or unknown. */
public sealed interface AuthorizationResult permits Permit, Denial, Unknown {}
