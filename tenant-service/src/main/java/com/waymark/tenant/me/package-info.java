@NullMarked
package com.waymark.tenant.me;

import org.jspecify.annotations.NullMarked;
