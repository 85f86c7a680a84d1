@NullMarked
package com.waymark.feedback.respondent;

import org.jspecify.annotations.NullMarked;
