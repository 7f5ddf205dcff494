/** The root of idsettle: the exception every library error extends. */
@NullMarked
package dev.idsettle;

import org.jspecify.annotations.NullMarked;
