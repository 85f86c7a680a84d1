@NullMarked
package com.waymark.mapping.support;

import org.jspecify.annotations.NullMarked;
