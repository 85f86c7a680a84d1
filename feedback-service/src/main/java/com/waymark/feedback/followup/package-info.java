/** Follow-up cases: closing the loop with unhappy respondents, by hand or opened for detractor answers. */
@NullMarked
package com.waymark.feedback.followup;

import org.jspecify.annotations.NullMarked;
