/**
 * Signed webhooks: a workspace's HTTPS endpoints hear about new responses. Deliveries are created from
 * the event flow ({@code feedback.response.submitted}, in the inbox transaction) and sent by a
 * scheduled sender on its own bounded threads, with HMAC signatures, timeouts and retries, so a slow
 * or dead endpoint never slows ingestion.
 */
@NullMarked
package com.waymark.feedback.webhook;

import org.jspecify.annotations.NullMarked;
