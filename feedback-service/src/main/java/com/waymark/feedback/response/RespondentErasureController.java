package com.waymark.feedback.response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ForbiddenException;

@RestController
@Tag(name = "Responses")
class RespondentErasureController {

    private final RespondentErasure erasure;

    RespondentErasureController(RespondentErasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping(path = "/api/workspaces/{workspaceId}/responses:erase", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erase every response of one respondent (GDPR)",
            description = "Body {\"respondentExternalId\": ...} or {\"respondentEmail\": ...} (exactly one; the e-mail matches "
                    + "case-insensitively). All of that respondent's responses in the workspace go in one transaction, each "
                    + "announced as feedback.response.deleted so metrics subtract it; the follow-up cases of those responses "
                    + "go too, with their comments (their notes are about the person). → {erased: count}; nothing left → 0. "
                    + "An admin act: client-admin and agency roles; editors and viewers get 403.")
    RespondentErasure.Erased erase(@PathVariable UUID workspaceId, WorkspaceAccess access, @RequestBody ErasureRequest request) {
        if (!ResponseController.mayErase(access.role())) {
            throw new ForbiddenException("Erasing a respondent's data needs the client-admin role or an agency role");
        }
        return erasure.erase(workspaceId, request);
    }
}
