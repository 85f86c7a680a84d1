@NullMarked
package com.waymark.gateway.spa;

import org.jspecify.annotations.NullMarked;
