@NullMarked
package dev.idsettle.spi;

import org.jspecify.annotations.NullMarked;
