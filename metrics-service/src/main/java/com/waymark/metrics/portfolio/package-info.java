/** The agency portfolio: every client workspace of a tenant side by side, with trends. */
@NullMarked
package com.waymark.metrics.portfolio;

import org.jspecify.annotations.NullMarked;
