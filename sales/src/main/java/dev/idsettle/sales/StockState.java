package dev.idsettle.sales;

/** The life of an ID held in stock for online sale. */
public enum StockState {
  /** For sale. */
  AVAILABLE,
  /** Held for one order. */
  RESERVED,
  /** Delivered to the order's buyer. */
  SOLD,
  /** Could not be delivered (its activation was refused): never offered again. */
  DEAD
}
