package com.waymark.platform.events;

import java.util.UUID;

/**
 * {@code tenant.member.added} v1: {@code userId} (the token subject) got {@code role} on a tenant or
 * one workspace ({@code scopeType} = {@code tenant} | {@code workspace}). Also sent on a role change.
 */
public record MemberAdded(String userId, String username, String scopeType, UUID scopeId, String role) {
}
