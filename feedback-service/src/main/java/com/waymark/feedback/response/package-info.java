@NullMarked
package com.waymark.feedback.response;

import org.jspecify.annotations.NullMarked;
