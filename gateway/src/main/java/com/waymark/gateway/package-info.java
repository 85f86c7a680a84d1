@NullMarked
package com.waymark.gateway;

import org.jspecify.annotations.NullMarked;
