package dev.idsettle.card.applet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads a class file and lists everything in it outside the Java Card (classic) subset: class files
 * newer than Java 7, {@code long}, {@code float}, {@code double}, {@code int} or {@code char} in
 * signatures, their opcodes, multi-dimensional arrays, strings, threads, monitors, dynamic
 * invocation, and any class outside {@code javacard.*}, {@code javacardx.*}, the applet's own
 * package and the few {@code java.lang} classes Java Card has. The card's converter stays the final
 * judge (it also narrows javac's {@code int} arithmetic on shorts); this catches mistakes at {@code
 * mvn verify} time.
 */
final class JavaCardSubset {

  /** Newest class file major version the Java Card converters take (Java 7). */
  static final int MAX_MAJOR_VERSION = 51;

  private static final Set<String> JAVA_LANG =
      Set.of(
          "java/lang/Object",
          "java/lang/Throwable",
          "java/lang/Exception",
          "java/lang/RuntimeException",
          "java/lang/ArithmeticException",
          "java/lang/ArrayIndexOutOfBoundsException",
          "java/lang/ArrayStoreException",
          "java/lang/ClassCastException",
          "java/lang/IndexOutOfBoundsException",
          "java/lang/NegativeArraySizeException",
          "java/lang/NullPointerException",
          "java/lang/SecurityException");

  private static final Set<Integer> NARROW_ARRAY_TYPES =
      Set.of(Opcodes.T_BOOLEAN, Opcodes.T_BYTE, Opcodes.T_SHORT);

  private final String ownPackage;
  private final List<String> violations = new ArrayList<>();
  private String where = "";

  private JavaCardSubset(String ownPackage) {
    this.ownPackage = ownPackage.replace('.', '/') + "/";
  }

  /**
   * Returns what in {@code classFile} is outside the subset, one line each; empty if nothing.
   *
   * @param ownPackage the applet's package, whose classes it may use
   */
  static List<String> violations(byte[] classFile, String ownPackage) {
    JavaCardSubset check = new JavaCardSubset(ownPackage);
    new ClassReader(classFile).accept(check.new ClassCheck(), 0);
    return check.violations;
  }

  private void fail(String what) {
    violations.add(where + ": " + what);
  }

  private void checkClass(String internalName) {
    if (internalName.startsWith("[")) {
      checkType(Type.getType(internalName));
    } else if (!internalName.startsWith("javacard/")
        && !internalName.startsWith("javacardx/")
        && !JAVA_LANG.contains(internalName)
        && !(internalName.startsWith(ownPackage)
            && internalName.indexOf('/', ownPackage.length()) < 0)) {
      fail("uses class " + internalName.replace('/', '.'));
    }
  }

  private void checkType(Type type) {
    switch (type.getSort()) {
      case Type.LONG, Type.FLOAT, Type.DOUBLE, Type.INT, Type.CHAR ->
          fail("uses type " + type.getClassName());
      case Type.ARRAY -> {
        if (type.getDimensions() > 1) {
          fail("uses multi-dimensional array " + type.getClassName());
        }
        checkType(type.getElementType());
      }
      case Type.OBJECT -> checkClass(type.getInternalName());
      case Type.METHOD -> {
        for (Type argument : type.getArgumentTypes()) {
          checkType(argument);
        }
        checkType(type.getReturnType());
      }
      default -> {}
    }
  }

  private final class ClassCheck extends ClassVisitor {

    ClassCheck() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(
        int version,
        int access,
        String name,
        String signature,
        String superName,
        String[] interfaces) {
      where = name.replace('/', '.');
      int major = version & 0xFFFF;
      if (major > MAX_MAJOR_VERSION) {
        fail("class file version " + major + " is newer than " + MAX_MAJOR_VERSION + " (Java 7)");
      }
      if (superName != null) {
        checkClass(superName);
      }
      for (String anInterface : interfaces) {
        checkClass(anInterface);
      }
    }

    @Override
    public FieldVisitor visitField(
        int access, String name, String descriptor, String signature, Object value) {
      String owner = where;
      where = owner + "." + name;
      checkType(Type.getType(descriptor));
      where = owner;
      return null;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      String owner = where;
      where = owner + "." + name;
      if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
        fail("is synchronized");
      }
      if ((access & Opcodes.ACC_NATIVE) != 0) {
        fail("is native");
      }
      checkType(Type.getMethodType(descriptor));
      return new MethodCheck(owner);
    }
  }

  private final class MethodCheck extends MethodVisitor {

    private final String owner;

    MethodCheck(String owner) {
      super(Opcodes.ASM9);
      this.owner = owner;
    }

    @Override
    public void visitInsn(int opcode) {
      if (isWideOpcode(opcode)) {
        fail("uses a long, float or double instruction (opcode " + opcode + ")");
      } else if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
        fail("uses a monitor");
      } else if (opcode == Opcodes.IALOAD || opcode == Opcodes.IASTORE) {
        fail("uses an int array");
      }
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
      if (opcode != Opcodes.ILOAD
          && opcode != Opcodes.ISTORE
          && opcode != Opcodes.ALOAD
          && opcode != Opcodes.ASTORE) {
        fail("uses a long, float or double variable");
      }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      if (opcode == Opcodes.NEWARRAY && !NARROW_ARRAY_TYPES.contains(operand)) {
        fail("creates an array of int, char, long, float or double");
      }
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      checkClass(type);
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
      checkClass(fieldOwner);
      checkType(Type.getType(descriptor));
    }

    @Override
    public void visitMethodInsn(
        int opcode, String methodOwner, String name, String descriptor, boolean isInterface) {
      checkClass(methodOwner);
      checkType(Type.getMethodType(descriptor));
    }

    @Override
    public void visitInvokeDynamicInsn(
        String name, String descriptor, Handle bootstrap, Object... arguments) {
      fail("uses invokedynamic (a lambda or string concatenation)");
    }

    @Override
    public void visitLdcInsn(Object value) {
      if (!(value instanceof Integer number)) {
        fail("loads a constant of " + value.getClass().getSimpleName());
      } else if (number < Short.MIN_VALUE || number > Short.MAX_VALUE) {
        fail("loads the int constant " + number + ", outside short");
      }
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
      fail("creates a multi-dimensional array");
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
      if (type != null) {
        checkClass(type);
      }
    }

    @Override
    public void visitEnd() {
      where = owner;
    }
  }

  private static boolean isWideOpcode(int opcode) {
    return (opcode >= Opcodes.LCONST_0 && opcode <= Opcodes.DCONST_1)
        || (opcode >= Opcodes.LALOAD && opcode <= Opcodes.DALOAD)
        || (opcode >= Opcodes.LASTORE && opcode <= Opcodes.DASTORE)
        || (opcode >= Opcodes.IADD && opcode <= Opcodes.DNEG && !isIntArithmetic(opcode))
        || (opcode >= Opcodes.ISHL && opcode <= Opcodes.LXOR && !isIntArithmetic(opcode))
        || (opcode >= Opcodes.I2L && opcode <= Opcodes.D2F)
        || (opcode >= Opcodes.LCMP && opcode <= Opcodes.DCMPG)
        || (opcode >= Opcodes.LRETURN && opcode <= Opcodes.DRETURN);
  }

  private static boolean isIntArithmetic(int opcode) {
    return switch (opcode) {
      case Opcodes.IADD,
          Opcodes.ISUB,
          Opcodes.IMUL,
          Opcodes.IDIV,
          Opcodes.IREM,
          Opcodes.INEG,
          Opcodes.ISHL,
          Opcodes.ISHR,
          Opcodes.IUSHR,
          Opcodes.IAND,
          Opcodes.IOR,
          Opcodes.IXOR ->
          true;
      default -> false;
    };
  }
}
