package dev.idsettle.card.testing;

import com.licel.jcardsim.base.SimulatorRuntime;
import java.util.ArrayList;
import java.util.List;
import javacard.framework.AID;
import javacard.framework.Applet;
import javacard.framework.JCSystem;
import org.jspecify.annotations.Nullable;

/**
 * A jCardSim runtime with the transaction semantics of a real card. jCardSim's own transactions
 * only count depth: nothing rolls back. Here {@code beginTransaction} snapshots the applets'
 * persistent state, {@code abortTransaction} restores it, a power cycle inside an open transaction
 * restores it, and a command that ends with a transaction still open is aborted, as the Java Card
 * runtime does.
 */
final class TearingRuntime extends SimulatorRuntime {

  private final boolean rollsBack;
  private @Nullable Snapshot snapshot;

  /**
   * @param rollsBack false for jCardSim's own behaviour, where nothing rolls back, to show what the
   *     harness adds
   */
  TearingRuntime(boolean rollsBack) {
    this.rollsBack = rollsBack;
  }

  @Override
  public void beginTransaction() {
    super.beginTransaction();
    snapshot = Snapshot.take(applets(), this::isPersistent);
  }

  @Override
  public void commitTransaction() {
    super.commitTransaction();
    snapshot = null;
  }

  @Override
  public void abortTransaction() {
    super.abortTransaction();
    rollBack();
  }

  /** Power off and on: an open transaction rolls back, as a real card does at the next power-up. */
  @Override
  public void reset() {
    rollBack();
    super.reset();
  }

  @Override
  public byte[] transmitCommand(byte[] command) {
    byte[] response = super.transmitCommand(command);
    if (!TearPoints.torn() && getTransactionDepth() != 0) {
      abortTransaction();
    }
    return response;
  }

  void writeThrough(byte[] array, int index) {
    Snapshot open = snapshot;
    if (open != null) {
      open.writeThrough(array, index);
    }
  }

  private void rollBack() {
    Snapshot open = snapshot;
    snapshot = null;
    if (open != null && rollsBack) {
      open.restore();
    }
  }

  /** Returns the installed applet objects. */
  List<Object> appletObjects() {
    return applets();
  }

  private boolean isPersistent(Object array) {
    return getTransientMemory().isTransient(array) == JCSystem.NOT_A_TRANSIENT_OBJECT;
  }

  private List<Object> applets() {
    List<Object> instances = new ArrayList<>();
    for (AID aid : applets.keySet()) {
      Applet applet = getApplet(aid);
      if (applet != null) {
        instances.add(applet);
      }
    }
    return instances;
  }
}
