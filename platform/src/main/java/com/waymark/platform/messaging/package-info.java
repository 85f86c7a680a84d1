@NullMarked
package com.waymark.platform.messaging;

import org.jspecify.annotations.NullMarked;
