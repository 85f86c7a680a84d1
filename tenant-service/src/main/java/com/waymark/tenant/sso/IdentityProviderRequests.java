package com.waymark.tenant.sso;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the single sign-on endpoints. */
final class IdentityProviderRequests {

    private IdentityProviderRequests() {
    }

    /**
     * The agency's OpenID Connect provider. Endpoints come from {@code issuer}'s discovery document
     * unless {@code authorizationUrl} and {@code tokenUrl} are given.
     */
    record IdentityProviderSettings(
            @NotNull @Pattern(regexp = "oidc", message = "must be oidc") String type,
            @NotBlank @Size(max = 100) String displayName,
            @Schema(description = "the provider's issuer URL; its /.well-known/openid-configuration is read unless the endpoints are given")
            @NotBlank @Size(max = 500) String issuer,
            @Nullable @Size(max = 500) String authorizationUrl,
            @Nullable @Size(max = 500) String tokenUrl,
            @Nullable @Size(max = 500) String jwksUrl,
            @Nullable @Size(max = 500) String userInfoUrl,
            @NotBlank @Size(max = 255) String clientId,
            @Schema(description = "required when connecting; omitted on an update keeps the stored one; never returned")
            @Nullable @Size(min = 1, max = 500) String clientSecret,
            @Schema(description = "e-mail domains whose users are sent to this provider; claimed by one agency only")
            @NotNull @Size(min = 1, max = 20) List<String> domains,
            @Schema(description = "agency role given to users who first come in through the provider (default agency-staff)")
            @Nullable @Pattern(regexp = "agency-admin|agency-staff", message = "must be agency-admin or agency-staff") String defaultRole) {

        @Override
        public String toString() {
            return "IdentityProviderSettings[issuer=" + issuer + ", clientId=" + clientId + ", domains=" + domains + "]";
        }
    }

    /**
     * @param redirectUri what the agency must register as redirect URI at its provider
     */
    record IdentityProviderView(String alias, String type, String displayName, String issuer, String clientId,
            List<String> domains, String defaultRole, String redirectUri, Instant createdAt, Instant updatedAt) {

        static IdentityProviderView of(StoredProvider provider, String keycloakUrl, String realm) {
            return new IdentityProviderView(provider.alias(), provider.type(), provider.displayName(), provider.issuer(),
                    provider.clientId(), provider.domains(), provider.defaultRole(),
                    stripSlash(keycloakUrl) + "/realms/" + realm + "/broker/" + provider.alias() + "/endpoint",
                    provider.createdAt(), provider.updatedAt());
        }

        private static String stripSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
