@NullMarked
package com.waymark.tenant.membership;

import org.jspecify.annotations.NullMarked;
