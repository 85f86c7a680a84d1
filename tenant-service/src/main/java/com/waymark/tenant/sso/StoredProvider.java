package com.waymark.tenant.sso;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agency's identity provider as tenant-service records it (the secret lives in Keycloak only). */
record StoredProvider(UUID tenantId, String alias, String type, String displayName, String issuer, String clientId,
        List<String> domains, String defaultRole, Instant createdAt, Instant updatedAt) {
}
