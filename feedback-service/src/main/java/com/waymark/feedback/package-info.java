@NullMarked
package com.waymark.feedback;

import org.jspecify.annotations.NullMarked;
