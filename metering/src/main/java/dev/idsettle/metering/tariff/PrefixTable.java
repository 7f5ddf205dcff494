package dev.idsettle.metering.tariff;

import java.util.Arrays;

/**
 * A digit trie in flat int arrays: the longest stored prefix of a number in one walk of at most its
 * length, with no allocation. 100 000 prefixes take a few megabytes. Immutable once built.
 */
final class PrefixTable {
  private int[] children = new int[10 * 1024];
  private int[] values = new int[1024];
  private int nodes = 1;

  PrefixTable() {
    Arrays.fill(values, -1);
  }

  /** Stores {@code value} (not negative) under {@code digits}; returns the value it replaced. */
  int put(String digits, int value) {
    int node = 0;
    for (int i = 0; i < digits.length(); i++) {
      int slot = node * 10 + (digits.charAt(i) - '0');
      int child = children[slot];
      if (child == 0) {
        child = newNode();
        children[slot] = child;
      }
      node = child;
    }
    int old = values[node];
    values[node] = value;
    return old;
  }

  /** The value of the longest stored prefix of {@code digits}, or -1. Non-digits end the walk. */
  int longest(CharSequence digits) {
    int node = 0;
    int found = values[0];
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      node = children[node * 10 + d];
      if (node == 0) {
        break;
      }
      if (values[node] >= 0) {
        found = values[node];
      }
    }
    return found;
  }

  private int newNode() {
    if (nodes == values.length) {
      values = Arrays.copyOf(values, nodes * 2);
      Arrays.fill(values, nodes, values.length, -1);
      children = Arrays.copyOf(children, nodes * 20);
    }
    return nodes++;
  }
}
