package dev.idsettle.card.applet;

import java.util.List;

/** Everything a card cannot run, for proving that {@link JavaCardSubset} notices. */
final class NotJavaCard {

  long total;
  float ratio;
  final Object lock = new Object();
  final short[][] grid = new short[2][2];

  String describe(List<String> names) {
    synchronized (lock) {
      total += names.size();
    }
    int[] counts = new int[names.size()];
    Runnable later = () -> Thread.currentThread().isInterrupted();
    later.run();
    return "names: " + names + counts.length + ratio;
  }
}
