@NullMarked
package com.waymark.platform.purge;

import org.jspecify.annotations.NullMarked;
