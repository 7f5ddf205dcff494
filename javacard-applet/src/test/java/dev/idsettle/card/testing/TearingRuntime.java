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
  private final boolean rollsBackApiObjects;
  private @Nullable Snapshot snapshot;
  private int commits;

  /**
   * @param rollsBack false for jCardSim's own behaviour, where nothing rolls back, to show what the
   *     harness adds
   * @param rollsBackApiObjects false to leave Java Card API objects (an {@code OwnerPIN}) out of
   *     the rollback, as the harness once did, to show what that misses
   */
  TearingRuntime(boolean rollsBack, boolean rollsBackApiObjects) {
    this.rollsBack = rollsBack;
    this.rollsBackApiObjects = rollsBackApiObjects;
  }

  @Override
  public void beginTransaction() {
    super.beginTransaction();
    snapshot = Snapshot.take(applets(), this::isPersistent, rollsBackApiObjects);
  }

  @Override
  public void commitTransaction() {
    super.commitTransaction();
    snapshot = null;
    commits++;
  }

  /** Returns how many transactions committed since the runtime was made. */
  int commits() {
    return commits;
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
    if (TearPoints.torn()) {
      return response;
    }
    if (getTransactionDepth() != 0) {
      abortTransaction();
    }
    // the card may lose power after its work and before its answer: the host hears nothing
    return TearPoints.answerPoint() ? new byte[] {0x6F, 0x00} : response;
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
