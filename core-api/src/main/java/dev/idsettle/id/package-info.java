@NullMarked
package dev.idsettle.id;

import org.jspecify.annotations.NullMarked;
