@NullMarked
package com.waymark.tenant;

import org.jspecify.annotations.NullMarked;
