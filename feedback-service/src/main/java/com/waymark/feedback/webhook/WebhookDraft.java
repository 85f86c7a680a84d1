package com.waymark.feedback.webhook;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The editable part of a webhook, validated. */
record WebhookDraft(String url, @Nullable String description, List<String> events, boolean active) {
}
