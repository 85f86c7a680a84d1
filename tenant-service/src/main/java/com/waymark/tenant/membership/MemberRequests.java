package com.waymark.tenant.membership;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.tenant.web.EmailAddress;
import com.waymark.tenant.web.PersonNameText;

/** Request and response bodies of the member endpoints. */
final class MemberRequests {

    static final String USERNAME_PATTERN = "[A-Za-z0-9._@+-]{3,100}";
    static final String USERNAME_MESSAGE = "must be 3 to 100 characters of letters, digits and . _ @ + -";

    private MemberRequests() {
    }

    record NewAgencyMember(
            @NotBlank @EmailAddress String email,
            @NotBlank @Size(max = 200) @PersonNameText String name,
            @Schema(description = "defaults to the email") @Nullable @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_MESSAGE) String username,
            @NotNull @Pattern(regexp = "agency-admin|agency-staff", message = "must be agency-admin or agency-staff") String role) {
    }

    record NewClientMember(
            @NotBlank @EmailAddress String email,
            @NotBlank @Size(max = 200) @PersonNameText String name,
            @Schema(description = "defaults to the email") @Nullable @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_MESSAGE) String username,
            @NotNull @Pattern(regexp = "client-admin|client-editor|client-viewer",
                    message = "must be client-admin, client-editor or client-viewer") String role) {
    }

    /**
     * @param temporaryPassword only when the user was created by this request: shown once, never stored
     */
    record MemberView(UUID userId, String username, @Nullable String email, @Nullable String name, String role,
            Instant createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String temporaryPassword) {

        static MemberView of(Member member) {
            return of(member, null);
        }

        static MemberView of(Member member, @Nullable String temporaryPassword) {
            return new MemberView(member.userId(), member.username(), member.email(), member.name(),
                    member.role().value(), member.createdAt(), temporaryPassword);
        }

        /** The same answer without the one-time password (what an idempotent replay shows). */
        MemberView withoutPassword() {
            return new MemberView(userId, username, email, name, role, createdAt, null);
        }

        @Override
        public String toString() {
            return "MemberView[userId=" + userId + ", role=" + role + "]";
        }
    }
}
