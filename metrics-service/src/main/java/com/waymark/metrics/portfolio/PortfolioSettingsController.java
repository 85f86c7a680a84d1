package com.waymark.metrics.portfolio;

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
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.error.ForbiddenException;
import com.waymark.platform.error.ValidationException;

/** The agency's portfolio settings: agency roles read them, agency admins change them (others get 404). */
@RestController
@Tag(name = "Portfolio")
class PortfolioSettingsController {

    /** {@code industryBenchmarks}: show each client beside the median of the agency's other clients of its industry. */
    record Settings(boolean industryBenchmarks) {
    }

    private final PortfolioSettings settings;

    PortfolioSettingsController(PortfolioSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/tenants/{tenantId}/portfolio/settings")
    @Operation(summary = "The agency's portfolio settings",
            description = "industryBenchmarks (default false). agency-admin or agency-staff.")
    Settings get(@PathVariable UUID tenantId, TenantAccess access) {
        return new Settings(settings.industryBenchmarks(access.tenantId()));
    }

    @PutMapping("/api/tenants/{tenantId}/portfolio/settings")
    @Transactional
    @Operation(summary = "Change the agency's portfolio settings (agency admins only)",
            description = "Body {industryBenchmarks: bool}. When on, each portfolio row of a workspace with an industry "
                    + "gets the median NPS, CSAT and CES of the agency's other clients of that industry, shown only "
                    + "when at least 5 of them have enough answers. agency-admin.")
    Settings put(@PathVariable UUID tenantId, TenantAccess access, @RequestBody(required = false) @Nullable JsonNode body) {
        if (!access.role().allows(Permission.ADMIN)) {
            throw new ForbiddenException("Only an agency admin may change the portfolio settings");
        }
        JsonNode value = body == null || !body.isObject() ? null : body.get("industryBenchmarks");
        if (value == null || !value.isBoolean()) {
            throw new ValidationException("industryBenchmarks", "is required: true or false");
        }
        settings.save(access.tenantId(), value.booleanValue());
        return new Settings(settings.industryBenchmarks(access.tenantId()));
    }
}
