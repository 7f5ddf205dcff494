package dev.idsettle.card.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Loads the production applet classes, unchanged in what they compute, with a tear point woven in
 * before every instruction that can write persistent memory: field stores, array stores, and calls
 * into the Java Card API. {@code Util.arrayCopyNonAtomic} and {@code arrayFillNonAtomic} become
 * byte-by-byte copies that ignore transactions, as on a card. Everything else comes from the parent
 * loader, so the applet runs against the same jCardSim.
 *
 * <p>Two broken variants show that the tear tests can fail: {@link Variant#WITHOUT_TRANSACTIONS}
 * deletes the applet's calls to {@code JCSystem.beginTransaction}, {@code commitTransaction} and
 * {@code abortTransaction}, so it writes the balance outside any transaction; {@link
 * Variant#NON_ATOMIC_COPIES} turns {@code Util.arrayCopy} into {@code arrayCopyNonAtomic}, whose
 * writes a transaction does not protect.
 */
final class InstrumentingLoader extends ClassLoader {

  /** Which applet to weave. */
  enum Variant {
    /** The production applet. */
    AS_BUILT,
    /** The production applet with its transaction calls deleted. */
    WITHOUT_TRANSACTIONS,
    /** The production applet with every {@code Util.arrayCopy} made non-atomic. */
    NON_ATOMIC_COPIES,
    /**
     * The production applet whose wrapped PERSONALIZE marks the card personalised first, before it
     * checks and sets anything, instead of last.
     */
    LIFECYCLE_FIRST
  }

  private static final String POINTS = "dev/idsettle/card/testing/TearPoints";
  private static final String UTIL = "javacard/framework/Util";
  private static final String JCSYSTEM = "javacard/framework/JCSystem";

  private final String appletPackage;
  private final Variant variant;

  InstrumentingLoader(ClassLoader parent, String appletPackage, Variant variant) {
    super(parent);
    this.appletPackage = appletPackage + ".";
    this.variant = variant;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    URL main = isApplet(name) ? getParent().getResource(resourceName(name)) : null;
    if (main == null) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        byte[] woven = weave(read(main));
        loaded = defineClass(name, woven, 0, woven.length);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private boolean isApplet(String name) {
    return name.startsWith(appletPackage) && name.indexOf('.', appletPackage.length()) < 0;
  }

  private static String resourceName(String name) {
    return name.replace('.', '/') + ".class";
  }

  private static byte[] read(URL url) throws ClassNotFoundException {
    if (url.getPath().contains("/test-classes/")) {
      throw new ClassNotFoundException("not a production applet class: " + url);
    }
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ClassNotFoundException("cannot read " + url, e);
    }
  }

  private byte[] weave(byte[] original) {
    ClassReader reader = new ClassReader(original);
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor woven =
                new Weaver(super.visitMethod(access, name, descriptor, signature, exceptions));
            return variant == Variant.LIFECYCLE_FIRST && name.equals("personalizeWrapped")
                ? new LifecycleFirst(woven)
                : woven;
          }
        },
        0);
    return writer.toByteArray();
  }

  /** Writes {@code state = STATE_PERSONALISED} at the start of the method. */
  private static final class LifecycleFirst extends MethodVisitor {

    LifecycleFirst(MethodVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visitCode() {
      super.visitCode();
      super.visitVarInsn(Opcodes.ALOAD, 0);
      super.visitInsn(Opcodes.ICONST_2);
      super.visitFieldInsn(Opcodes.PUTFIELD, "dev/idsettle/card/applet/PurseApplet", "state", "B");
    }
  }

  private final class Weaver extends MethodVisitor {

    Weaver(MethodVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      if (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC) {
        tearPoint();
      }
      super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
        tearPoint();
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      if (owner.equals(JCSYSTEM)
          && name.endsWith("Transaction")
          && !name.equals("getTransactionDepth")
          && variant == Variant.WITHOUT_TRANSACTIONS) {
        return;
      }
      if (owner.equals(UTIL) && name.equals("arrayCopy") && variant == Variant.NON_ATOMIC_COPIES) {
        super.visitMethodInsn(
            Opcodes.INVOKESTATIC, POINTS, "arrayCopyNonAtomic", descriptor, false);
        return;
      }
      if (owner.equals(UTIL)
          && (name.equals("arrayCopyNonAtomic") || name.equals("arrayFillNonAtomic"))) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, POINTS, name, descriptor, false);
        return;
      }
      if (owner.startsWith("javacard")) {
        tearPoint();
      }
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    private void tearPoint() {
      super.visitMethodInsn(Opcodes.INVOKESTATIC, POINTS, "point", "()V", false);
    }
  }
}
