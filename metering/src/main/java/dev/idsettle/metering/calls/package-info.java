@NullMarked
package dev.idsettle.metering.calls;

import org.jspecify.annotations.NullMarked;
