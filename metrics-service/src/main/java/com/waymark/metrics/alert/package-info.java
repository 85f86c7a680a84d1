/**
 * Alert rules (a metric below a value, or dropping by some points vs the previous window, over a
 * scope with enough answers), their evaluation after rollups change, and the alerts they raise,
 * stored and published as {@code metrics.alert.raised} through the outbox.
 */
@NullMarked
package com.waymark.metrics.alert;

import org.jspecify.annotations.NullMarked;
