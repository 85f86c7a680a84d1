/** Per-workspace metric settings: the minimum n below which a score is not {@code enough}. */
@NullMarked
package com.waymark.metrics.settings;

import org.jspecify.annotations.NullMarked;
