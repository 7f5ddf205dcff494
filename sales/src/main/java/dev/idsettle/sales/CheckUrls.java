package dev.idsettle.sales;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The check URL: token plus PIN shows a sold ID again. Every check does the same work whatever the
 * outcome (one look-up by the token's hash, one counted guess, one Argon2id verification, against a
 * dummy hash when there is no order), so an unknown token, a locked one and a wrong PIN answer
 * alike and in the same time.
 */
final class CheckUrls {
  private final SaleRecords records;
  private final Saga saga;
  private final PinHasher pins;
  private final Clock clock;
  private final int maxGuesses;
  private final Duration lockFor;
  private final String dummyHash;

  CheckUrls(
      SaleRecords records,
      Saga saga,
      PinHasher pins,
      Clock clock,
      int maxGuesses,
      Duration lockFor) {
    this.records = records;
    this.saga = saga;
    this.pins = pins;
    this.clock = clock;
    this.maxGuesses = maxGuesses;
    this.lockFor = lockFor;
    this.dummyHash = pins.hash("000000");
  }

  CheckResult check(String token, String pin) {
    String tokenHash = Secrets.sha256Hex(token);
    Optional<SaleOrder> order = records.orderByToken(tokenHash);
    boolean allowed = records.takeGuess(tokenHash, maxGuesses, clock.instant(), lockFor);
    boolean shown =
        order.isPresent()
            && (order.get().state() == SaleState.DELIVERED
                || order.get().state() == SaleState.REFUNDING
                || order.get().state() == SaleState.REFUNDED);
    boolean match = pins.verify(pin, shown ? order.get().pinHash() : dummyHash);
    if (allowed && shown && match) {
      records.clearGuesses(tokenHash);
      return new CheckResult.Shown(saga.idOf(order.get()));
    }
    return CheckResult.NotShown.INSTANCE;
  }
}
