package com.waymark.feedback.branding;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.feedback.web.ETags;
import com.waymark.platform.access.WorkspaceAccess;

/** Reads and sets a workspace's branding; run under the workspace's tenant context. */
@Service
public class Brandings {

    private final BrandingRepository repository;

    Brandings(BrandingRepository repository) {
        this.repository = repository;
    }

    /** What respondents of the workspace see; empty values when it was never set. */
    @Transactional(readOnly = true)
    public PublicBranding look(UUID workspaceId) {
        return get(workspaceId).look();
    }

    @Transactional(readOnly = true)
    Branding get(UUID workspaceId) {
        return repository.find(workspaceId, false).orElseGet(() -> Branding.unset(workspaceId));
    }

    /** Replaces the branding; the same version when nothing changes. */
    @Transactional
    Branding put(WorkspaceAccess access, BrandingRequest request, @Nullable String ifMatch) {
        PublicBranding look = BrandingRules.validate(request);
        Branding current = repository.find(access.workspaceId(), true).orElseGet(() -> Branding.unset(access.workspaceId()));
        ETags.requireMatch(ifMatch, current.version());
        if (current.version() > 0 && current.look().equals(look)) {
            return current;
        }
        Branding changed = new Branding(access.workspaceId(), look, current.version() + 1,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        repository.save(access.tenantId(), changed);
        return changed;
    }
}
