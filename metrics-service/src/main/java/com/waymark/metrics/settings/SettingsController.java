package com.waymark.metrics.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ForbiddenException;
import com.waymark.platform.error.ValidationException;

/** A workspace's metric settings: every member reads them, admins change them. */
@RestController
@Tag(name = "Metrics")
class SettingsController {

    /** The settings of one workspace: {@code minN} = the minimum n for {@code enough}. */
    record Settings(int minN) {
    }

    private final MetricSettings settings;

    SettingsController(MetricSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/workspaces/{workspaceId}/metrics/settings")
    @Operation(summary = "The workspace's metric settings",
            description = "minN: below this many answers a score has enough=false; the service default "
                    + "(waymark.metrics.min-n, 30) until the workspace sets its own. Any member.")
    Settings get(@PathVariable UUID workspaceId) {
        return new Settings(settings.minN(workspaceId));
    }

    @PutMapping("/api/workspaces/{workspaceId}/metrics/settings")
    @Transactional
    @Operation(summary = "Change the workspace's metric settings (admins only)",
            description = "Body {minN: 1..10000}. It applies at once to the summary, time series, portfolio, "
                    + "driver performance and the default minN of new alert rules. agency-admin or client-admin.")
    Settings put(@PathVariable UUID workspaceId, WorkspaceAccess access, @RequestBody(required = false) @Nullable JsonNode body) {
        if (!access.role().allows(Permission.ADMIN)) {
            throw new ForbiddenException("Only an agency or client admin may change the metric settings");
        }
        JsonNode minN = body == null || !body.isObject() ? null : body.get("minN");
        if (minN == null || minN.isNull()) {
            throw new ValidationException("minN", "is required: a whole number from 1 to " + MetricSettings.MAX_MIN_N);
        }
        if (!minN.isIntegralNumber() || !minN.canConvertToInt() || minN.intValue() < 1
                || minN.intValue() > MetricSettings.MAX_MIN_N) {
            throw new ValidationException("minN", "must be a whole number from 1 to " + MetricSettings.MAX_MIN_N);
        }
        settings.save(access.tenantId(), workspaceId, minN.intValue());
        return new Settings(settings.minN(workspaceId));
    }
}
