@NullMarked
package com.waymark.gateway.security;

import org.jspecify.annotations.NullMarked;
