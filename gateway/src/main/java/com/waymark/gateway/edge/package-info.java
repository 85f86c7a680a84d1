@NullMarked
package com.waymark.gateway.edge;

import org.jspecify.annotations.NullMarked;
