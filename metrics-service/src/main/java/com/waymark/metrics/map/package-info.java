/**
 * The read model of journey maps (journey → stages → touchpoints, with names), fed by
 * {@code mapping.*} events, so metrics can pool touchpoint answers into stages and journeys.
 */
@NullMarked
package com.waymark.metrics.map;

import org.jspecify.annotations.NullMarked;
