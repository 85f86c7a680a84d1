package com.waymark.tenant.provisioning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.tenant.tenant.Tenant;
import com.waymark.tenant.web.EmailAddress;
import com.waymark.tenant.web.PersonNameText;
import com.waymark.tenant.web.PlainText;

/** Request and response bodies of the platform admin's tenant endpoints. */
final class TenantRequests {

    static final String SLUG_PATTERN = "[a-z0-9-]{2,40}";
    static final String SLUG_MESSAGE = "must be 2 to 40 characters of a-z, 0-9 and -";
    static final String PLAN_PATTERN = "starter|growth|scale";
    static final String PLAN_MESSAGE = "must be starter, growth or scale";

    private TenantRequests() {
    }

    record NewTenant(
            @NotBlank @Size(max = 100) @PlainText String name,
            @NotNull @Pattern(regexp = SLUG_PATTERN, message = SLUG_MESSAGE) String slug,
            @NotNull @Pattern(regexp = PLAN_PATTERN, message = PLAN_MESSAGE) String plan,
            @NotBlank @EmailAddress String adminEmail,
            @NotBlank @Size(max = 200) @PersonNameText String adminName,
            @Schema(description = "defaults to the email")
            @Nullable @Pattern(regexp = "[A-Za-z0-9._@+-]{3,100}", message = "must be 3 to 100 characters of letters, digits and . _ @ + -")
            String adminUsername) {
    }

    /** Only the fields present change. */
    record TenantChange(
            @Nullable @Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @PlainText String name,
            @Nullable @Pattern(regexp = PLAN_PATTERN, message = PLAN_MESSAGE) String plan,
            @Nullable @Pattern(regexp = "active|suspended", message = "must be active or suspended") String status) {
    }

    record TenantView(UUID id, String name, String slug, String plan, String status, Instant createdAt) {

        static TenantView of(Tenant tenant) {
            return new TenantView(tenant.id(), tenant.name(), tenant.slug(), tenant.plan().value(), tenant.status(),
                    tenant.createdAt());
        }
    }

    /**
     * @param limit null when the plan sets none
     */
    record Usage(long inUse, @Nullable Integer limit) {
    }

    /** @param version the ETag, sent as a header rather than in the body */
    record TenantDetail(UUID id, String name, String slug, String plan, String status, Instant createdAt,
            Usage workspaces, Usage members, @JsonIgnore int version) {
    }

    /** The first agency admin; {@code temporaryPassword} only when the user was created now (shown once). */
    record AgencyAdmin(String userId, String username, String email,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String temporaryPassword) {

        @Override
        public String toString() {
            return "AgencyAdmin[userId=" + userId + "]";
        }
    }

    record CreatedTenant(UUID id, String name, String slug, String plan, String status, Instant createdAt,
            AgencyAdmin admin) {
    }
}
