@NullMarked
package com.waymark.feedback.touchpoint;

import org.jspecify.annotations.NullMarked;
