/** Cross-cutting wiring of the service. */
@NullMarked
package com.waymark.mapping.config;

import org.jspecify.annotations.NullMarked;
