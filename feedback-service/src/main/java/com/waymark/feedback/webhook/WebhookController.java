package com.waymark.feedback.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.web.ETags;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ForbiddenException;
import com.waymark.platform.web.Page;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/webhooks")
@Tag(name = "Webhooks", description = "Signed HTTPS callbacks when responses arrive, with a delivery log")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a webhook",
            description = "→ 201 with `secret`, shown this once: each delivery is a POST with headers "
                    + "`Waymark-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" keyed with the secret>`, "
                    + "`Waymark-Event: response.created` and `Waymark-Delivery: <id>` (the same id on every retry). Only "
                    + "https URLs to public addresses. Client-admin and agency roles. Idempotency-Key supported (a retry "
                    + "returns the webhook without the secret).")
    ResponseEntity<WebhookView> create(@PathVariable UUID workspaceId, WorkspaceAccess access,
            @RequestBody WebhookRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        requireConfigure(access);
        Webhooks.Created created = webhooks.create(access, request, idempotencyKey);
        Webhook webhook = created.webhook();
        return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/webhooks/" + webhook.id()))
                .eTag(ETags.of(webhook.version()))
                .body(WebhookView.withSecret(webhook, created.secret()));
    }

    @GetMapping
    @Operation(summary = "List the workspace's webhooks, newest first", description = "Secrets are never shown.")
    Page<WebhookView> list(@PathVariable UUID workspaceId, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Page<Webhook> page = webhooks.list(workspaceId, cursor, limit);
        return new Page<>(page.items().stream().map(WebhookView::of).toList(), page.nextCursor());
    }

    @GetMapping("/{webhookId}")
    @Operation(summary = "Get a webhook", description = "ETag = version. The secret is never shown again.")
    ResponseEntity<WebhookView> get(@PathVariable UUID workspaceId, @PathVariable UUID webhookId) {
        Webhook webhook = webhooks.get(workspaceId, webhookId);
        return ResponseEntity.ok().eTag(ETags.of(webhook.version())).body(WebhookView.of(webhook));
    }

    @PatchMapping(path = "/{webhookId}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
    @Operation(summary = "Edit a webhook (JSON merge patch)",
            description = "url, description, events, active. If-Match → 412 on a stale version.")
    ResponseEntity<WebhookView> patch(@PathVariable UUID workspaceId, @PathVariable UUID webhookId, WorkspaceAccess access,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = WebhookRequest.class)))
            @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        requireConfigure(access);
        Webhook webhook = webhooks.patch(workspaceId, webhookId, patch, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(webhook.version())).body(WebhookView.of(webhook));
    }

    @DeleteMapping("/{webhookId}")
    @Operation(summary = "Delete a webhook", description = "Its delivery log goes with it; pending deliveries are not sent.")
    ResponseEntity<Void> delete(@PathVariable UUID workspaceId, @PathVariable UUID webhookId, WorkspaceAccess access,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        requireConfigure(access);
        webhooks.delete(workspaceId, webhookId, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{webhookId}/deliveries")
    @Operation(summary = "The webhook's delivery log, newest first",
            description = "Per event: attempts so far, status pending|delivered|failed, the last HTTP status or error, "
                    + "when the next attempt is due, and every attempt.")
    Page<Delivery> deliveries(@PathVariable UUID workspaceId, @PathVariable UUID webhookId,
            @Parameter(description = "pending, delivered or failed") @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return webhooks.deliveries(workspaceId, webhookId, status, cursor, limit);
    }

    /** Integrations are workspace settings: the client's admins and the agency. */
    private static void requireConfigure(WorkspaceAccess access) {
        if (!access.role().allows(Permission.ADMIN) && !access.role().tenantWide()) {
            throw new ForbiddenException("Webhooks are workspace settings: they need the client-admin role or an agency role");
        }
    }
}
