/**
 * Cross-cutting request handling of tenant-service: what text fields may contain, strict JSON reading,
 * problem answers for unreadable bodies, {@code Idempotency-Key} replay and {@code ETag}/{@code If-Match}.
 */
@NullMarked
package com.waymark.tenant.web;

import org.jspecify.annotations.NullMarked;
