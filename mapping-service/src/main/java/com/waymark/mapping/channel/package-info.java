@NullMarked
package com.waymark.mapping.channel;

import org.jspecify.annotations.NullMarked;
