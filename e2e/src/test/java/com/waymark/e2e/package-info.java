@NullMarked
package com.waymark.e2e;

import org.jspecify.annotations.NullMarked;
