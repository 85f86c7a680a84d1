package com.waymark.metrics.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.access.TenantAccess;

/** The agency's view over all its client workspaces; agency roles only (the platform answers 404 to others). */
@RestController
@Tag(name = "Portfolio", description = "An agency's client workspaces side by side")
class PortfolioController {

    private final PortfolioService portfolios;

    PortfolioController(PortfolioService portfolios) {
        this.portfolios = portfolios;
    }

    @GetMapping("/api/tenants/{tenantId}/portfolio")
    @Operation(summary = "NPS, CSAT and CES of every workspace of the agency, with trends",
            description = "Per workspace: scores with n and 95% CI, responses, open alerts, and per metric the change "
                    + "vs the previous period of equal length with a significance flag. agency-admin or agency-staff.")
    Portfolio portfolio(@PathVariable UUID tenantId, TenantAccess access,
            @Parameter(description = "first day (ISO date or instant); default: 90 days up to to")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day, inclusive; default: today")
            @RequestParam(required = false) @Nullable String to) {
        return portfolios.portfolio(access.tenantId(), from, to);
    }
}
