package com.waymark.metrics.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import com.waymark.metrics.rollup.RollupRebuild;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ForbiddenException;
import com.waymark.platform.error.ValidationException;

/** A workspace's metric settings: every member reads them, admins change them. */
@RestController
@Tag(name = "Metrics")
class SettingsController {

    /**
     * The settings of one workspace: {@code minN} = the minimum n for {@code enough}; {@code timeZone} = the
     * IANA zone whose days, ISO weeks and months the rollups and time series use.
     */
    record Settings(int minN, String timeZone) {
    }

    private final MetricSettings settings;
    private final RollupRebuild rebuild;

    SettingsController(MetricSettings settings, RollupRebuild rebuild) {
        this.settings = settings;
        this.rebuild = rebuild;
    }

    @GetMapping("/api/workspaces/{workspaceId}/metrics/settings")
    @Operation(summary = "The workspace's metric settings",
            description = "minN: below this many answers a score has enough=false; the service default "
                    + "(waymark.metrics.min-n, 30) until the workspace sets its own. timeZone: IANA id (default UTC) "
                    + "of the workspace's days, weeks and months. Any member.")
    Settings get(@PathVariable UUID workspaceId) {
        return new Settings(settings.minN(workspaceId), settings.zoneId(workspaceId));
    }

    @PutMapping("/api/workspaces/{workspaceId}/metrics/settings")
    @Transactional
    @Operation(summary = "Change the workspace's metric settings (admins only)",
            description = "Body {minN: 1..10000, timeZone?: IANA id such as Europe/Vilnius (absent: unchanged)}. minN "
                    + "applies at once to the summary, time series, portfolio, driver performance and the default minN "
                    + "of new alert rules. A new timeZone rebuilds the workspace's rollups from the raw facts in this "
                    + "request (one transaction), so every figure afterwards uses the new day boundaries. "
                    + "agency-admin or client-admin.")
    Settings put(@PathVariable UUID workspaceId, WorkspaceAccess access, @RequestBody(required = false) @Nullable JsonNode body) {
        if (!access.role().allows(Permission.ADMIN)) {
            throw new ForbiddenException("Only an agency or client admin may change the metric settings");
        }
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode minN = body == null || !body.isObject() ? null : body.get("minN");
        if (minN == null || minN.isNull()) {
            problems.add(new FieldProblem("minN", "is required: a whole number from 1 to " + MetricSettings.MAX_MIN_N));
        } else if (!minN.isIntegralNumber() || !minN.canConvertToInt() || minN.intValue() < 1
                || minN.intValue() > MetricSettings.MAX_MIN_N) {
            problems.add(new FieldProblem("minN", "must be a whole number from 1 to " + MetricSettings.MAX_MIN_N));
        }
        JsonNode zone = body == null || !body.isObject() ? null : body.get("timeZone");
        String current = settings.zoneId(workspaceId);
        String timeZone = current;
        if (zone != null && !zone.isNull()) {
            if (!zone.isString() || !settings.knownZone(zone.asString().trim())) {
                problems.add(new FieldProblem("timeZone", "must be an IANA time zone id such as Europe/Vilnius or UTC"));
            } else {
                timeZone = zone.asString().trim();
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        settings.save(access.tenantId(), workspaceId, minN.intValue(), timeZone);
        if (!timeZone.equals(current)) {
            // the rollups are keyed by local days: re-key them from the raw facts before this commits
            rebuild.rebuild(access.tenantId(), workspaceId);
        }
        return new Settings(settings.minN(workspaceId), settings.zoneId(workspaceId));
    }
}
