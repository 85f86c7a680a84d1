@NullMarked
package com.waymark.mapping.journey;

import org.jspecify.annotations.NullMarked;
