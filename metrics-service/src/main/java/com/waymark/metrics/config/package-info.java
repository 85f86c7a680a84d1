@NullMarked
package com.waymark.metrics.config;

import org.jspecify.annotations.NullMarked;
