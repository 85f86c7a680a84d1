@NullMarked
package com.waymark.tenant.workspace;

import org.jspecify.annotations.NullMarked;
