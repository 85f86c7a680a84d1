/** Per-workspace branding of what respondents see: logo, colours and sender name on survey pages and the widget. */
@NullMarked
package com.waymark.feedback.branding;

import org.jspecify.annotations.NullMarked;
