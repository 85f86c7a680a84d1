@NullMarked
package com.waymark.feedback.web;

import org.jspecify.annotations.NullMarked;
