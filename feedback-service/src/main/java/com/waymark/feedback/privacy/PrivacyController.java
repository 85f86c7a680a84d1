package com.waymark.feedback.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
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
@RequestMapping("/api/workspaces/{workspaceId}/respondent-privacy")
@Tag(name = "Respondent privacy", description = "Whether respondents' IP address and user agent are kept with their responses")
class PrivacyController {

    private final PrivacyRepository repository;

    PrivacyController(PrivacyRepository repository) {
        this.repository = repository;
    }

    @GetMapping
    @Operation(summary = "Get the workspace's respondent-privacy settings",
            description = "Both off (false) until turned on. ETag = version (0 until first set).")
    @Transactional(readOnly = true)
    public ResponseEntity<RespondentPrivacy> get(@PathVariable UUID workspaceId) {
        PrivacyRepository.Stored stored = repository.find(workspaceId, false)
                .orElse(new PrivacyRepository.Stored(RespondentPrivacy.DEFAULT, 0));
        return ResponseEntity.ok().eTag(ETags.of(stored.version())).body(stored.settings());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the workspace's respondent-privacy settings",
            description = "The whole document `{storeClientAddress, storeUserAgent}` (absent = false). Applies to responses "
                    + "stored from then on; responses show `clientAddress`/`userAgent` only when they were stored. A workspace "
                    + "setting: client-admin and agency roles (editors and viewers 403). If-Match → 412 on a stale version.")
    @Transactional
    public ResponseEntity<RespondentPrivacy> put(@PathVariable UUID workspaceId, WorkspaceAccess access,
            @RequestBody PrivacyRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        if (!mayConfigure(access)) {
            throw new ForbiddenException("Respondent privacy is a workspace setting: it needs the client-admin role or an agency role");
        }
        RespondentPrivacy settings = request.settings();
        PrivacyRepository.Stored current = repository.find(workspaceId, true)
                .orElse(new PrivacyRepository.Stored(RespondentPrivacy.DEFAULT, 0));
        ETags.requireMatch(ifMatch, current.version());
        if (current.version() > 0 && current.settings().equals(settings)) {
            return ResponseEntity.ok().eTag(ETags.of(current.version())).body(current.settings());
        }
        int version = current.version() + 1;
        repository.save(access.tenantId(), workspaceId, settings, version, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(settings);
    }

    /** Workspace settings belong to the client's admins and the agency (as branding and erasure). */
    static boolean mayConfigure(WorkspaceAccess access) {
        return access.role().allows(Permission.ADMIN) || access.role().tenantWide();
    }
}
