@NullMarked
package com.waymark.platform.security;

import org.jspecify.annotations.NullMarked;
