package com.waymark.platform.events;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code <service>.purge.completed} v1: {@code service} has deleted every row of the tenant (or, when
 * {@code workspaceId} is set, of that workspace). tenant-service tracks these per deletion.
 */
public record PurgeCompleted(String service, UUID tenantId, @Nullable UUID workspaceId, long rowsDeleted) {
}
