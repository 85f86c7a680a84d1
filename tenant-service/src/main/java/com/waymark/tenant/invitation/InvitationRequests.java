package com.waymark.tenant.invitation;

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
import com.waymark.tenant.web.PlainText;

/** Request and response bodies of the invitation endpoints. */
final class InvitationRequests {

    private InvitationRequests() {
    }

    record NewAgencyInvitation(
            @NotBlank @EmailAddress String email,
            @NotBlank @Size(max = 200) @PersonNameText String name,
            @NotNull @Pattern(regexp = "agency-admin|agency-staff", message = "must be agency-admin or agency-staff") String role) {
    }

    record NewClientInvitation(
            @NotBlank @EmailAddress String email,
            @NotBlank @Size(max = 200) @PersonNameText String name,
            @NotNull @Pattern(regexp = "client-admin|client-editor|client-viewer",
                    message = "must be client-admin, client-editor or client-viewer") String role) {
    }

    /**
     * @param link {@code <gateway>/invite/<token>}: only in the answer that created the invitation, never stored
     */
    record InvitationView(UUID id, String email, String name, String role, @Nullable UUID workspaceId, Instant createdAt,
            Instant expiresAt, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String link) {

        static InvitationView of(Invitation invitation, @Nullable String link) {
            return new InvitationView(invitation.id(), invitation.email(), invitation.name(), invitation.role().value(),
                    invitation.workspaceId(), invitation.createdAt(), invitation.expiresAt(), link);
        }

        InvitationView withoutLink() {
            return new InvitationView(id, email, name, role, workspaceId, createdAt, expiresAt, null);
        }

        @Override
        public String toString() {
            return "InvitationView[id=" + id + ", role=" + role + "]";
        }
    }

    /** What the invited person sees before accepting: no ids, nothing beyond this one invitation. */
    record PublicInvitation(String email, String name, String role, String agency, @Nullable String workspace,
            Instant expiresAt) {
    }

    record Acceptance(
            @Schema(description = "the password of the new account (10 to 128 characters); ignored for an e-mail that "
                    + "already has an account, which keeps its password")
            @NotNull @Size(min = 10, max = 128) @PlainText String password) {

        @Override
        public String toString() {
            return "Acceptance[password=***]";
        }
    }

    /**
     * @param existingAccount true when the e-mail already had an account: sign in with its password
     */
    record AcceptedInvitation(String email, String username, String role, String agency, @Nullable String workspace,
            boolean existingAccount) {
    }
}
