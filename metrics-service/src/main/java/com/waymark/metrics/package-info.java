@NullMarked
package com.waymark.metrics;

import org.jspecify.annotations.NullMarked;
