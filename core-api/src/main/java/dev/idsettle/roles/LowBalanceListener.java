package dev.idsettle.roles;

/** Receives {@link LowBalanceEvent}s, on the thread that committed the debit. */
@FunctionalInterface
public interface LowBalanceListener {
  /** Called after the debit that crossed the reference amount was committed. */
  void onLowBalance(LowBalanceEvent event);
}
