package dev.idsettle.card.testing;

import com.licel.jcardsim.base.SimulatorRuntime;
import com.licel.jcardsim.base.SimulatorSystem;

/**
 * The calls that {@link InstrumentingLoader} weaves into applet bytecode before every write that
 * may reach persistent memory. Counting them tells how many tear points a command has; arming one
 * tears the card there. Static, like the applet's view of the card: one simulated card at a time
 * per JVM, which is how the tests run.
 */
public final class TearPoints {

  private static int reached;
  private static int armedAt;
  private static boolean torn;

  private TearPoints() {}

  /** Starts counting from zero and tears the card at point {@code point} (1-based), if positive. */
  static void arm(int point) {
    reached = 0;
    armedAt = point;
    torn = false;
  }

  /** Returns the number of points reached since {@link #arm}. */
  static int reached() {
    return reached;
  }

  /** Returns whether the armed point was reached and the card is torn. */
  static boolean torn() {
    return torn;
  }

  /** Woven in before a write: tears the card if this is the armed point. */
  public static void point() {
    reached++;
    if (reached == armedAt) {
      torn = true;
      throw new CardTornError(reached);
    }
  }

  /**
   * The point after a command has run, before its answer reaches the host: a tear here leaves
   * whatever the command wrote, and the host hears nothing. Returns whether the card tore here.
   */
  static boolean answerPoint() {
    reached++;
    if (reached == armedAt) {
      torn = true;
      return true;
    }
    return false;
  }

  /**
   * Replaces {@code Util.arrayCopyNonAtomic}: a tear may fall between any two bytes, and the bytes
   * written stay written even inside a transaction, as the Java Card specification says.
   */
  public static short arrayCopyNonAtomic(
      byte[] src, short srcOff, byte[] dest, short destOff, short length) {
    byte[] copy = new byte[length];
    System.arraycopy(src, srcOff, copy, 0, length);
    if (destOff < 0 || destOff + length > dest.length) {
      throw new ArrayIndexOutOfBoundsException(destOff + length);
    }
    for (int i = 0; i < length; i++) {
      point();
      dest[destOff + i] = copy[i];
      writeThrough(dest, destOff + i);
    }
    return (short) (destOff + length);
  }

  /** Replaces {@code Util.arrayFillNonAtomic}, byte by byte like {@link #arrayCopyNonAtomic}. */
  public static short arrayFillNonAtomic(byte[] array, short offset, short length, byte value) {
    if (offset < 0 || length < 0 || offset + length > array.length) {
      throw new ArrayIndexOutOfBoundsException(offset + length);
    }
    for (int i = 0; i < length; i++) {
      point();
      array[offset + i] = value;
      writeThrough(array, offset + i);
    }
    return (short) (offset + length);
  }

  private static void writeThrough(byte[] array, int index) {
    SimulatorRuntime runtime = SimulatorSystem.instance();
    if (runtime instanceof TearingRuntime tearing) {
      tearing.writeThrough(array, index);
    }
  }
}
