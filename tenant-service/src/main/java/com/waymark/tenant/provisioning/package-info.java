@NullMarked
package com.waymark.tenant.provisioning;

import org.jspecify.annotations.NullMarked;
