package dev.idsettle.card.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The persistent state of applet objects at one moment: every instance field of the applet and of
 * the objects of its own package it refers to, and a copy of every persistent primitive array among
 * them. Objects of the Java Card API (keys, PINs) are not copied: the applets under test do not
 * change them inside a transaction, and the specification keeps a PIN's try counter out of
 * transactions anyway.
 */
final class Snapshot {

  private final List<FieldValue> fields = new ArrayList<>();
  private final IdentityHashMap<Object, Object> arrays = new IdentityHashMap<>();

  private record FieldValue(Object owner, Field field, @Nullable Object value) {}

  private Snapshot() {}

  static Snapshot take(List<Object> applets, Predicate<Object> persistent) {
    Snapshot snapshot = new Snapshot();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Object applet : applets) {
      snapshot.walk(applet, applet.getClass().getPackageName(), persistent, seen);
    }
    return snapshot;
  }

  /** Puts every field and array back as it was. */
  void restore() {
    for (FieldValue value : fields) {
      if (!Modifier.isFinal(value.field.getModifiers())) {
        set(value);
      }
    }
    arrays.forEach(
        (array, copy) ->
            System.arraycopy(copy, 0, array, 0, java.lang.reflect.Array.getLength(copy)));
  }

  /** Records a non-atomic write: it survives a rollback. */
  void writeThrough(byte[] array, int index) {
    Object copy = arrays.get(array);
    if (copy != null) {
      ((byte[]) copy)[index] = array[index];
    }
  }

  private void walk(
      Object object, String ownPackage, Predicate<Object> persistent, Set<Object> seen) {
    if (!seen.add(object)) {
      return;
    }
    for (Class<?> type = object.getClass();
        type.getPackageName().equals(ownPackage);
        type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
          continue;
        }
        field.setAccessible(true);
        Object value = get(field, object);
        fields.add(new FieldValue(object, field, value));
        if (value == null) {
          continue;
        }
        if (value.getClass().isArray()
            && value.getClass().getComponentType().isPrimitive()
            && persistent.test(value)) {
          arrays.put(value, copyOf(value));
        } else if (value.getClass().getPackageName().equals(ownPackage)) {
          walk(value, ownPackage, persistent, seen);
        }
      }
    }
  }

  private static Object copyOf(Object array) {
    int length = java.lang.reflect.Array.getLength(array);
    Object copy = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), length);
    System.arraycopy(array, 0, copy, 0, length);
    return copy;
  }

  private static @Nullable Object get(Field field, Object owner) {
    try {
      return field.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }

  private static void set(FieldValue value) {
    try {
      value.field.set(value.owner, value.value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot restore " + value.field, e);
    }
  }
}
