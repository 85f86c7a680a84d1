package com.waymark.platform.events;

import java.util.UUID;

/** {@code tenant.member.removed} v1. */
public record MemberRemoved(String userId, String scopeType, UUID scopeId) {
}
