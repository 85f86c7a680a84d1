package com.waymark.feedback.branding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.feedback.web.ETags;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ForbiddenException;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/branding")
@Tag(name = "Branding", description = "The workspace's logo, colours and sender name on survey pages and the widget")
class BrandingController {

    private final Brandings brandings;

    BrandingController(Brandings brandings) {
        this.brandings = brandings;
    }

    @GetMapping
    @Operation(summary = "Get the workspace's branding", description = "Nulls and version 0 until it is first set. ETag = version.")
    ResponseEntity<BrandingView> get(@PathVariable UUID workspaceId) {
        Branding branding = brandings.get(workspaceId);
        return ResponseEntity.ok().eTag(ETags.of(branding.version())).body(BrandingView.of(branding));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the workspace's branding",
            description = "The whole document: logoUrl (https, ≤ 2000), primaryColor and accentColor (#rrggbb), senderName "
                    + "(≤ 100); null or absent unsets a value. Workspace settings: client-admin and agency roles "
                    + "(editors 403). If-Match → 412 on a stale version.")
    ResponseEntity<BrandingView> put(@PathVariable UUID workspaceId, WorkspaceAccess access, @RequestBody BrandingRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        if (!mayConfigure(access)) {
            throw new ForbiddenException("Branding is a workspace setting: it needs the client-admin role or an agency role");
        }
        Branding branding = brandings.put(access, request, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(branding.version())).body(BrandingView.of(branding));
    }

    /** Workspace settings belong to the client's admins and the agency. */
    static boolean mayConfigure(WorkspaceAccess access) {
        return access.role().allows(Permission.ADMIN) || access.role().tenantWide();
    }
}
