/** The coverage gate of the build; not shipped. */
@NullMarked
package dev.idsettle.coverage;

import org.jspecify.annotations.NullMarked;
