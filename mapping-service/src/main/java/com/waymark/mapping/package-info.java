@NullMarked
package com.waymark.mapping;

import org.jspecify.annotations.NullMarked;
