/**
 * Answers from {@code feedback.response.submitted}: the raw facts (one row per response and its scored
 * answers) and the incremental daily rollups that every KPI query reads instead of the raw facts.
 */
@NullMarked
package com.waymark.metrics.rollup;

import org.jspecify.annotations.NullMarked;
