@NullMarked
package dev.idsettle.roles;

import org.jspecify.annotations.NullMarked;
