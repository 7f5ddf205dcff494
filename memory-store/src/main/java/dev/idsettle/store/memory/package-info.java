/** The in-memory ledger store: {@link dev.idsettle.store.memory.MemoryStore#create()}. */
@NullMarked
package dev.idsettle.store.memory;

import org.jspecify.annotations.NullMarked;
