package com.waymark.metrics.rollup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ForbiddenException;

/** The admin operation that recomputes a workspace's rollups from the raw facts. */
@RestController
@Tag(name = "Metrics")
class RebuildController {

    private final RollupRebuild rebuild;

    RebuildController(RollupRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/workspaces/{workspaceId}/metrics:rebuild")
    @Operation(summary = "Recompute all rollups of the workspace from the raw facts (admins only)",
            description = "One transaction; the numbers afterwards equal the incremental ones. Answers with the "
                    + "responses and scored answers counted and the rollup rows written. agency-admin or client-admin.")
    RollupRebuild.Rebuilt rebuild(@PathVariable UUID workspaceId, WorkspaceAccess access) {
        if (!access.role().allows(Permission.ADMIN)) {
            throw new ForbiddenException("Only an agency or client admin may rebuild the metrics");
        }
        return rebuild.rebuild(access.tenantId(), workspaceId);
    }
}
