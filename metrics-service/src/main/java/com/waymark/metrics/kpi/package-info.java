/** The KPI read API: the summary per workspace, journey, stage and touchpoint, and time series. */
@NullMarked
package com.waymark.metrics.kpi;

import org.jspecify.annotations.NullMarked;
