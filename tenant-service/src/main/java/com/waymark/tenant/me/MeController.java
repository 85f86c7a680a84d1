package com.waymark.tenant.me;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.security.CurrentUser;
import com.waymark.tenant.sso.BrokeredMembers;

@RestController
@Tag(name = "Who am I")
class MeController {

    /** {@code role} is the caller's agency role (agency-admin, agency-staff), or null for client roles. */
    record TenantRef(UUID id, String name, String status, @Nullable String role) {
    }

    record WorkspaceRef(UUID id, String name, String role) {
    }

    /**
     * @param roles realm roles from the token ({@code platform-admin} is the one that matters)
     * @param tenant the agency the user belongs to, or null (e.g. a platform admin without memberships)
     */
    record Me(String userId, String username, @Nullable String email, List<String> roles, @Nullable TenantRef tenant,
            List<WorkspaceRef> workspaces) {
    }

    private final MyAccess myAccess;
    private final BrokeredMembers brokeredMembers;

    MeController(MyAccess myAccess, BrokeredMembers brokeredMembers) {
        this.myAccess = myAccess;
        this.brokeredMembers = brokeredMembers;
    }

    @GetMapping("/api/me")
    @Operation(summary = "The caller, their agency and the workspaces they may enter with their role in each",
            description = "Agency roles reach every workspace of the agency; client roles only their own workspaces. "
                    + "A user without any membership who came in through an agency's identity provider is first "
                    + "granted that provider's default role (once).")
    Me me(CurrentUser user) {
        brokeredMembers.adopt(user);
        return myAccess.of(user);
    }
}
