package com.waymark.tenant.sso;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import com.waymark.tenant.web.PlainText;

/** Request and response bodies of the single sign-on endpoints. */
final class IdentityProviderRequests {

    private IdentityProviderRequests() {
    }

    /**
     * The agency's OpenID Connect provider. Endpoints come from {@code issuer}'s discovery document
     * unless {@code authorizationUrl} and {@code tokenUrl} are given.
     */
    record IdentityProviderSettings(
            @Schema(description = "oidc (OpenID Connect) or saml (SAML 2.0)")
            @NotNull @Pattern(regexp = "oidc|saml", message = "must be oidc or saml") String type,
            @NotBlank @Size(max = 100) @PlainText String displayName,
            @Schema(description = "oidc: the provider's issuer URL (required); its /.well-known/openid-configuration is read "
                    + "unless the endpoints are given")
            @Nullable @Size(max = 500) @PlainText String issuer,
            @Nullable @Size(max = 500) @PlainText String authorizationUrl,
            @Nullable @Size(max = 500) @PlainText String tokenUrl,
            @Nullable @Size(max = 500) @PlainText String jwksUrl,
            @Nullable @Size(max = 500) @PlainText String userInfoUrl,
            @Schema(description = "oidc: the client id registered at the provider (required)")
            @Nullable @Size(max = 255) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @PlainText String clientId,
            @Schema(description = "required when connecting; omitted on an update keeps the stored one; never returned")
            @Nullable @Size(min = 1, max = 500) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @PlainText String clientSecret,
            @Schema(description = "e-mail domains whose users are sent to this provider; claimed by one agency only")
            @NotNull @Size(min = 1, max = 20) List<String> domains,
            @Schema(description = "agency role given to users who first come in through the provider (default agency-staff)")
            @Nullable @Pattern(regexp = "agency-admin|agency-staff", message = "must be agency-admin or agency-staff") String defaultRole,
            @Schema(description = "saml: URL of the IdP's metadata (EntityDescriptor), read by Keycloak; or give entityId, "
                    + "singleSignOnServiceUrl and signingCertificate")
            @Nullable @Size(max = 500) @PlainText String metadataUrl,
            @Schema(description = "saml: the IdP's entity id")
            @Nullable @Size(max = 500) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @PlainText String entityId,
            @Schema(description = "saml: the IdP's single sign-on service URL (HTTP-POST binding)")
            @Nullable @Size(max = 500) @PlainText String singleSignOnServiceUrl,
            @Schema(description = "saml: the IdP's signing certificate, base64 DER or PEM")
            @Nullable @Size(max = 20000) @Pattern(regexp = "(-----BEGIN CERTIFICATE-----)?[A-Za-z0-9+/=\\s]+(-----END CERTIFICATE-----)?\\s*",
                    message = "must be a certificate in base64 (DER) or PEM form") String signingCertificate) {

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
