@NullMarked
package com.waymark.platform.error;

import org.jspecify.annotations.NullMarked;
