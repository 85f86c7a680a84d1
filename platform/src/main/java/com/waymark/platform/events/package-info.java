@NullMarked
package com.waymark.platform.events;

import org.jspecify.annotations.NullMarked;
