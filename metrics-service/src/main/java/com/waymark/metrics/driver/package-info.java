/**
 * Driver analysis (DOMAIN.md "Find what matters"): which touchpoint scores explain the journey-level
 * outcome, by correlation over respondents who answered both, shown as importance × performance
 * quadrants. Reads the raw facts (journey and pseudonymous respondent key per response) and the
 * touchpoints' rollups.
 */
@NullMarked
package com.waymark.metrics.driver;

import org.jspecify.annotations.NullMarked;
