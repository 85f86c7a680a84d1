@NullMarked
package com.waymark.feedback.survey;

import org.jspecify.annotations.NullMarked;
