/** Workspace names (for the agency portfolio), from {@code tenant.workspace.created} / {@code updated}. */
@NullMarked
package com.waymark.metrics.workspace;

import org.jspecify.annotations.NullMarked;
