@NullMarked
package com.waymark.tenant.keycloak;

import org.jspecify.annotations.NullMarked;
