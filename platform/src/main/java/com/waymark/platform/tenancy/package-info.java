@NullMarked
package com.waymark.platform.tenancy;

import org.jspecify.annotations.NullMarked;
