package com.waymark.tenant.deletion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Progress of an agency's deletion: ids and timestamps only, nothing of the agency itself.
 *
 * @param requestedBy the platform admin's user id
 * @param complete    every expected service has reported its purge
 */
record Deletion(UUID tenantId, Instant requestedAt, String requestedBy, List<ServicePurge> services, boolean complete) {

    Deletion {
        services = List.copyOf(services);
    }

    /** @param rowsDeleted null until the service has reported */
    record ServicePurge(String service, @Nullable Instant completedAt, @Nullable Long rowsDeleted) {
    }
}
