package com.waymark.tenant.invitation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.tenant.invitation.InvitationRequests.AcceptedInvitation;
import com.waymark.tenant.invitation.InvitationRequests.Acceptance;
import com.waymark.tenant.invitation.InvitationRequests.PublicInvitation;

/**
 * The invited person's side: anonymous (the token is the credential, {@code /public/**} needs no login),
 * answering about this one invitation only. A malformed token is 404 without touching the database,
 * so guessing is cheap to refuse and the gateway's per-address limit of {@code /public/**} applies.
 */
@RestController
@Tag(name = "Invitations (public)", description = "Anonymous: read and accept an invitation by its one-time token")
class PublicInvitationController {

    private final InvitationService invitations;

    PublicInvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/public/api/invitations/{token}")
    @Operation(summary = "What an invitation offers", description = "404 for an unknown token, 410 when it expired, "
            + "was used or revoked, or its workspace is gone; 403 tenant-suspended while the agency is suspended.")
    ResponseEntity<PublicInvitation> show(@PathVariable String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(invitations.show(token));
    }

    @PostMapping("/public/api/invitations/{token}/accept")
    @Operation(summary = "Accept an invitation with a password",
            description = "Creates the Keycloak account of the invited e-mail with this password (or links the existing "
                    + "account, whose password stays as it is: existingAccount true) and grants the invited role. "
                    + "The link works once: afterwards 410.")
    ResponseEntity<AcceptedInvitation> accept(@PathVariable String token, @Valid @RequestBody Acceptance body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(invitations.accept(token, body.password()));
    }
}
