@NullMarked
package com.waymark.platform.web;

import org.jspecify.annotations.NullMarked;
