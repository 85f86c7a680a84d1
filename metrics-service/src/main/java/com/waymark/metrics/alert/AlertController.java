package com.waymark.metrics.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;

/**
 * Alert rules (CRUD; editors and admins write, every member reads) and the alerts they raised (list,
 * acknowledge). The platform's access check runs first: outsiders get 404, viewers 403 on writes.
 */
@RestController
@RequestMapping("/api/workspaces/{workspaceId}")
@Tag(name = "Alerts", description = "Alert rules on NPS, CSAT and CES, and the alerts they raise")
class AlertController {

    private final AlertRuleService rules;
    private final AlertStore store;
    private final java.time.Clock clock;

    AlertController(AlertRuleService rules, AlertStore store, java.time.Clock clock) {
        this.rules = rules;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/alert-rules")
    @Operation(summary = "List alert rules, oldest first")
    Page<AlertRule> listRules(@PathVariable UUID workspaceId, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return rules.list(workspaceId, limit, cursor);
    }

    @PostMapping("/alert-rules")
    @Operation(summary = "Create an alert rule",
            description = "{metric: nps|csat|ces, scope: {type: workspace|journey|stage|touchpoint, id?}, condition: "
                    + "{type: below|drop, threshold}, window (days, default 7), minN (default: the workspace's metric settings, else 30), enabled (default true)}."
                    + " below: threshold is a value; drop: points lost vs the previous window of equal length.")
    ResponseEntity<AlertRule> createRule(@PathVariable UUID workspaceId, WorkspaceAccess access,
            @RequestBody(required = false) @Nullable AlertRuleRequest request) {
        AlertRule rule = rules.create(access.tenantId(), workspaceId, request);
        return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/alert-rules/" + rule.ruleId()))
                .body(rule);
    }

    @GetMapping("/alert-rules/{ruleId}")
    @Operation(summary = "One alert rule")
    AlertRule getRule(@PathVariable UUID workspaceId, @PathVariable UUID ruleId) {
        return rules.get(workspaceId, ruleId);
    }

    @PutMapping("/alert-rules/{ruleId}")
    @Operation(summary = "Replace an alert rule", description = "Same body as create; the rule is evaluated afresh.")
    AlertRule replaceRule(@PathVariable UUID workspaceId, @PathVariable UUID ruleId, WorkspaceAccess access,
            @RequestBody(required = false) @Nullable AlertRuleRequest request) {
        return rules.replace(access.tenantId(), workspaceId, ruleId, request);
    }

    @DeleteMapping("/alert-rules/{ruleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an alert rule", description = "Alerts it raised stay.")
    void deleteRule(@PathVariable UUID workspaceId, @PathVariable UUID ruleId) {
        rules.delete(workspaceId, ruleId);
    }

    @GetMapping("/alerts")
    @Operation(summary = "List alerts, newest first")
    @Transactional(readOnly = true)
    public Page<Alert> listAlerts(@PathVariable UUID workspaceId,
            @Parameter(description = "open or acknowledged; all when absent")
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        String wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = status.trim().toLowerCase(Locale.ROOT);
            if (!wanted.equals(Alert.OPEN) && !wanted.equals(Alert.ACKNOWLEDGED)) {
                throw new ValidationException("status", "must be open or acknowledged");
            }
        }
        int size = Paging.limit(limit);
        return Paging.page(store.listAlerts(workspaceId, wanted, Paging.after(cursor), size + 1), size, Alert::alertId);
    }

    @GetMapping("/alerts/{alertId}")
    @Operation(summary = "One alert")
    @Transactional(readOnly = true)
    public Alert getAlert(@PathVariable UUID workspaceId, @PathVariable UUID alertId) {
        return store.findAlert(workspaceId, alertId).orElseThrow(() -> new NotFoundException("Alert " + alertId));
    }

    @PostMapping("/alerts/{alertId}/acknowledge")
    @Operation(summary = "Acknowledge an alert", description = "Idempotent: an acknowledged alert stays as it was.")
    @Transactional
    public Alert acknowledge(@PathVariable UUID workspaceId, @PathVariable UUID alertId, WorkspaceAccess access) {
        store.findAlert(workspaceId, alertId).orElseThrow(() -> new NotFoundException("Alert " + alertId));
        store.acknowledge(workspaceId, alertId, access.userId(), clock.instant());
        return store.findAlert(workspaceId, alertId).orElseThrow();
    }
}
