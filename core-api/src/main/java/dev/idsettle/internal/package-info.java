@NullMarked
package dev.idsettle.internal;

import org.jspecify.annotations.NullMarked;
