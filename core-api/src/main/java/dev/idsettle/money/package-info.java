@NullMarked
package dev.idsettle.money;

import org.jspecify.annotations.NullMarked;
