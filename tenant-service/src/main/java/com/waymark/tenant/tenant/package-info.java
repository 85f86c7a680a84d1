@NullMarked
package com.waymark.tenant.tenant;

import org.jspecify.annotations.NullMarked;
