/**
 * Respondent privacy: whether a workspace keeps respondents' client address and user agent with their
 * responses (off unless turned on). The response writer reads the setting in the statement that stores
 * a response, so what is kept always follows the setting of that moment.
 */
@NullMarked
package com.waymark.feedback.privacy;

import org.jspecify.annotations.NullMarked;
