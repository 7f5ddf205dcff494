@NullMarked
package dev.idsettle.ledger;

import org.jspecify.annotations.NullMarked;
