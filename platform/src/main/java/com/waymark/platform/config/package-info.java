@NullMarked
package com.waymark.platform.config;

import org.jspecify.annotations.NullMarked;
