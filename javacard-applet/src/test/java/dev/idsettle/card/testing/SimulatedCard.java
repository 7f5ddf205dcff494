package dev.idsettle.card.testing;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import com.licel.jcardsim.utils.AIDUtil;
import dev.idsettle.card.PurseCard;
import dev.idsettle.card.applet.PurseApplet;
import java.lang.reflect.Field;
import javacard.framework.Applet;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/**
 * One purse applet on a jCardSim card with real transaction semantics ({@link TearingRuntime}),
 * reached through {@code javax.smartcardio} like a card in a PC/SC reader. A tearable card runs the
 * applet woven with tear points ({@link InstrumentingLoader}).
 */
public final class SimulatedCard {

  private final TearingRuntime runtime;
  private final CardSimulator simulator;
  private final CardChannel channel;

  private int commitsAtArm;

  private SimulatedCard(Class<? extends Applet> appletClass) {
    this(appletClass, true, true, new byte[0]);
  }

  private SimulatedCard(
      Class<? extends Applet> appletClass, boolean rollsBack, boolean rollsBackApiObjects) {
    this(appletClass, rollsBack, rollsBackApiObjects, new byte[0]);
  }

  private SimulatedCard(
      Class<? extends Applet> appletClass,
      boolean rollsBack,
      boolean rollsBackApiObjects,
      byte[] installParameters) {
    runtime = new TearingRuntime(rollsBack, rollsBackApiObjects);
    simulator = new CardSimulator(runtime);
    simulator.installApplet(
        AIDUtil.create(PurseCard.aid()),
        appletClass,
        installParameters,
        (short) 0,
        (byte) installParameters.length);
    try {
      channel = CardTerminalSimulator.terminal(simulator).connect("T=1").getBasicChannel();
    } catch (CardException e) {
      throw new IllegalStateException("the simulated terminal refused to connect", e);
    }
    TearPoints.arm(0);
  }

  /** A card with the production applet, as compiled. */
  public static SimulatedCard withPurse() {
    return new SimulatedCard(PurseApplet.class);
  }

  /** A card with the production applet, installed with GlobalPlatform install parameters. */
  public static SimulatedCard withPurse(byte[] installParameters) {
    return new SimulatedCard(PurseApplet.class, true, true, installParameters);
  }

  /** A card with the production applet woven with tear points. */
  public static SimulatedCard tearable() {
    return new SimulatedCard(woven(InstrumentingLoader.Variant.AS_BUILT));
  }

  /** A card with the production applet woven with tear points, installed with parameters. */
  public static SimulatedCard tearable(byte[] installParameters) {
    return new SimulatedCard(
        woven(InstrumentingLoader.Variant.AS_BUILT), true, true, installParameters);
  }

  /**
   * A card with the applet woven with tear points, installed with parameters, whose wrapped
   * PERSONALIZE marks the card personalised before setting anything.
   */
  public static SimulatedCard tearableWithLifecycleFirst(byte[] installParameters) {
    return new SimulatedCard(
        woven(InstrumentingLoader.Variant.LIFECYCLE_FIRST), true, true, installParameters);
  }

  /** A card with the applet woven with tear points and stripped of its transactions. */
  public static SimulatedCard tearableWithoutTransactions() {
    return new SimulatedCard(woven(InstrumentingLoader.Variant.WITHOUT_TRANSACTIONS));
  }

  /** A card with the applet woven with tear points, its {@code Util.arrayCopy} made non-atomic. */
  public static SimulatedCard tearableWithNonAtomicCopies() {
    return new SimulatedCard(woven(InstrumentingLoader.Variant.NON_ATOMIC_COPIES));
  }

  /** A card with the production applet woven with tear points, on jCardSim's bare runtime. */
  public static SimulatedCard tearableWithoutRollback() {
    return new SimulatedCard(woven(InstrumentingLoader.Variant.AS_BUILT), false, false);
  }

  /**
   * A card with the production applet woven with tear points, whose rollback leaves out the Java
   * Card API objects (an {@code OwnerPIN}), as this harness once did.
   */
  public static SimulatedCard tearableWithoutApiRollback() {
    return new SimulatedCard(woven(InstrumentingLoader.Variant.AS_BUILT), true, false);
  }

  /** Returns the channel to the card. */
  public CardChannel channel() {
    return channel;
  }

  /** Returns a client on this card with the applet selected. */
  public PurseCard selectedClient() {
    PurseCard client = PurseCard.over(channel);
    client.select();
    return client;
  }

  /** Makes the card lose power at tear point {@code point} (1-based) of what runs next. */
  public void tearAt(int point) {
    TearPoints.arm(point);
    commitsAtArm = runtime.commits();
  }

  /** Starts counting tear points without tearing. */
  public void countTearPoints() {
    TearPoints.arm(0);
    commitsAtArm = runtime.commits();
  }

  /** Returns whether a transaction committed since {@link #tearAt} or {@link #countTearPoints}. */
  public boolean committedSinceArmed() {
    return runtime.commits() != commitsAtArm;
  }

  /** Returns the tear points reached since {@link #tearAt} or {@link #countTearPoints}. */
  public int tearPointsReached() {
    return TearPoints.reached();
  }

  /** Returns whether the armed tear point was reached. */
  public boolean torn() {
    return TearPoints.torn();
  }

  /** Removes the card and puts it back: an open transaction rolls back; select again after. */
  public void powerCycle() {
    simulator.reset();
    TearPoints.arm(0);
  }

  /**
   * Overwrites a persistent byte array of the applet, to reach a state that would take years of
   * use, such as a transaction counter at its limit.
   */
  public void overwriteAppletBytes(String fieldName, byte[] value) {
    Object applet = runtime.appletObjects().get(0);
    try {
      Field field = applet.getClass().getDeclaredField(fieldName);
      field.setAccessible(true);
      byte[] array = (byte[]) field.get(applet);
      System.arraycopy(value, 0, array, 0, value.length);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("the applet has no byte array " + fieldName, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Applet> woven(InstrumentingLoader.Variant variant) {
    ClassLoader loader =
        new InstrumentingLoader(
            SimulatedCard.class.getClassLoader(), PurseApplet.class.getPackageName(), variant);
    try {
      return (Class<? extends Applet>) loader.loadClass(PurseApplet.class.getName());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot weave the applet", e);
    }
  }
}
