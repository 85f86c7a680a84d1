/** Deleting an agency: Keycloak clean-up, immediate lock-out, {@code tenant.tenant.deleted}, and tracking every service's purge. */
@NullMarked
package com.waymark.tenant.deletion;

import org.jspecify.annotations.NullMarked;
