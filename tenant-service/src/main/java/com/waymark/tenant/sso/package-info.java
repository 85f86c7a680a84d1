/** Single sign-on per agency: its company's OIDC provider brokered by Keycloak, linked to its organization. */
@NullMarked
package com.waymark.tenant.sso;

import org.jspecify.annotations.NullMarked;
