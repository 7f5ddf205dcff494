package dev.idsettle.card.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javacard.framework.OwnerPIN;
import org.jspecify.annotations.Nullable;

/**
 * The persistent state of applet objects at one moment: every instance field of the applet and of
 * the objects of its own package it refers to, and a copy of every persistent primitive array among
 * them. Of the Java Card API objects, an {@link OwnerPIN}'s value and length are copied too: its
 * {@code update} takes part in a transaction on a real card, so a torn CHANGE PIN rolls back. Its
 * try counter and validated flag are not (the specification keeps the try counter out of
 * transactions, and the flag is transient). Keys are not copied: the applet sets them only in
 * PERSONALIZE, outside any transaction.
 */
final class Snapshot {

  private final List<FieldValue> fields = new ArrayList<>();
  private final IdentityHashMap<Object, Object> arrays = new IdentityHashMap<>();

  private record FieldValue(Object owner, Field field, @Nullable Object value) {}

  private boolean apiObjects;

  private Snapshot() {}

  static Snapshot take(List<Object> applets, Predicate<Object> persistent, boolean apiObjects) {
    Snapshot snapshot = new Snapshot();
    snapshot.apiObjects = apiObjects;
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
        } else if (apiObjects && value instanceof OwnerPIN) {
          pin(value);
        }
      }
    }
  }

  /** Records what {@code OwnerPIN.update} changes: the PIN value and its length. */
  private void pin(Object pin) {
    for (String name : new String[] {"pinValue", "pinSize"}) {
      Field field;
      try {
        field = OwnerPIN.class.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("this jCardSim's OwnerPIN has no field " + name, e);
      }
      field.setAccessible(true);
      Object value = get(field, pin);
      fields.add(new FieldValue(pin, field, value));
      if (value instanceof byte[] bytes) {
        arrays.put(bytes, bytes.clone());
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
