@NullMarked
package com.waymark.mapping.persona;

import org.jspecify.annotations.NullMarked;
