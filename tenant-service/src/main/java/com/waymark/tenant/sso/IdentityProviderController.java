package com.waymark.tenant.sso;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.access.TenantAccess;
import com.waymark.tenant.sso.IdentityProviderRequests.IdentityProviderSettings;
import com.waymark.tenant.sso.IdentityProviderRequests.IdentityProviderView;

@RestController
@Tag(name = "Single sign-on", description = "The agency's company identity provider, brokered by Keycloak")
class IdentityProviderController {

    private final SingleSignOnService sso;

    IdentityProviderController(SingleSignOnService sso) {
        this.sso = sso;
    }

    @PutMapping("/api/tenants/{tenantId}/identity-provider")
    @Operation(summary = "Connect or change the agency's OIDC identity provider (agency-admin)",
            description = "Creates or updates a Keycloak identity provider linked to the agency's organization, whose "
                    + "domains send users typing such an e-mail address to this provider. Register the returned "
                    + "redirectUri at the provider. The client secret is never returned.")
    IdentityProviderView connect(@PathVariable UUID tenantId, TenantAccess caller,
            @Valid @RequestBody IdentityProviderSettings body) {
        return sso.connect(caller, body);
    }

    @GetMapping("/api/tenants/{tenantId}/identity-provider")
    @Operation(summary = "The agency's identity provider (404 when none is connected)")
    IdentityProviderView get(@PathVariable UUID tenantId, TenantAccess caller) {
        return sso.get(caller);
    }

    @DeleteMapping("/api/tenants/{tenantId}/identity-provider")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Disconnect the agency's identity provider (agency-admin)",
            description = "Removes it from Keycloak and frees its domains; users who came through it keep their "
                    + "accounts and memberships but can no longer sign in through it.")
    void disconnect(@PathVariable UUID tenantId, TenantAccess caller) {
        sso.disconnect(caller);
    }
}
