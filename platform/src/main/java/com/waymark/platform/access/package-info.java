@NullMarked
package com.waymark.platform.access;

import org.jspecify.annotations.NullMarked;
