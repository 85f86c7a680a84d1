/**
 * The KPI formulas of DOMAIN.md ("Metrics, exactly"), pure and exact: every estimate is computed from
 * a score histogram, so rollups never need the raw responses.
 */
@NullMarked
package com.waymark.metrics.score;

import org.jspecify.annotations.NullMarked;
