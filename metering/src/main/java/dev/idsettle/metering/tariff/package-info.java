@NullMarked
package dev.idsettle.metering.tariff;

import org.jspecify.annotations.NullMarked;
