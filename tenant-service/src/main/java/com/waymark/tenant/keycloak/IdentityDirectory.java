package com.waymark.tenant.keycloak;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.waymark.platform.error.ApiException;
import com.waymark.platform.error.ConflictException;
import com.waymark.platform.error.ValidationException;

/**
 * tenant-service's view of Keycloak: one organization per agency (alias = slug, attribute
 * {@code tenantId}) and the users who are its members. Keycloak is not transactional, so callers
 * change Keycloak first, then the database, and undo the Keycloak part when the database part fails
 * ({@link #undo}, {@link #deleteOrganizationQuietly}).
 *
 * <p>Every Keycloak failure becomes an {@link UpstreamUnavailableException} (503 when unreachable,
 * 502 otherwise) whose message reveals nothing of Keycloak; conflicts the caller can fix become 409.
 */
public class IdentityDirectory {

    public static final String TENANT_ID_ATTRIBUTE = "tenantId";
    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(IdentityDirectory.class);

    private final Keycloak keycloak;
    private final String realm;

    public IdentityDirectory(Keycloak keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /** Creates the agency's organization; returns its Keycloak id. 409 on {@code slug} or {@code name} when taken. */
    public String createOrganization(String name, String slug, UUID tenantId) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setName(name);
        organization.setAlias(slug);
        organization.setEnabled(true);
        organization.setAttributes(Map.of(TENANT_ID_ATTRIBUTE, List.of(tenantId.toString())));
        return call("create organization", () -> {
            try (Response response = realm().organizations().create(organization)) {
                if (response.getStatus() == 409) {
                    throw conflictOnOrganization(response);
                }
                requireSuccess(response, "create organization");
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    /** Attributes of a workspace's organization (not {@code tenantId}: that marks an agency's organization). */
    public static final String WORKSPACE_ID_ATTRIBUTE = "workspaceId";
    public static final String WORKSPACE_OF_ATTRIBUTE = "workspaceOf";

    /**
     * The organization of a client workspace: alias {@code ws-<workspace id>} (stable while the slug may
     * change), a name unique in the realm, attributes {@code workspaceId} and {@code workspaceOf} (its
     * agency). Idempotent: an organization already made for the workspace is returned.
     */
    public String ensureWorkspaceOrganization(String workspaceName, UUID tenantId, UUID workspaceId) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setName(workspaceOrganizationName(workspaceName, workspaceId));
        organization.setAlias("ws-" + workspaceId);
        organization.setEnabled(true);
        organization.setAttributes(Map.of(WORKSPACE_ID_ATTRIBUTE, List.of(workspaceId.toString()),
                WORKSPACE_OF_ATTRIBUTE, List.of(tenantId.toString())));
        return call("create workspace organization", () -> {
            try (Response response = realm().organizations().create(organization)) {
                if (response.getStatus() == 409) {
                    return workspaceOrganizations(WORKSPACE_ID_ATTRIBUTE, workspaceId).stream().findFirst()
                            .orElseThrow(UpstreamUnavailableException::failed);
                }
                requireSuccess(response, "create workspace organization");
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    public void renameWorkspaceOrganization(String organizationId, String workspaceName, UUID workspaceId) {
        renameOrganization(organizationId, workspaceOrganizationName(workspaceName, workspaceId));
    }

    /** Ids of the organizations of one workspace ({@code workspaceId}) or of all workspaces of an agency ({@code workspaceOf}). */
    public List<String> workspaceOrganizations(String attribute, UUID id) {
        return call("search workspace organizations", () -> realm().organizations()
                .searchByAttribute(attribute + ":" + id).stream().map(OrganizationRepresentation::getId).toList());
    }

    /** Workspace names are unique per agency only; the id makes the organization's name unique in the realm. */
    public static String workspaceOrganizationName(String workspaceName, UUID workspaceId) {
        return workspaceName + " (workspace " + workspaceId + ")";
    }

    public void renameOrganization(String organizationId, String name) {
        call("rename organization", () -> {
            OrganizationRepresentation organization = realm().organizations().get(organizationId).toRepresentation();
            organization.setName(name);
            try (Response response = realm().organizations().get(organizationId).update(organization)) {
                if (response.getStatus() == 409) {
                    throw conflictOnOrganization(response);
                }
                requireSuccess(response, "rename organization");
            }
            return null;
        });
    }

    /** Compensation for {@link #renameOrganization}: never throws. */
    public void renameOrganizationQuietly(String organizationId, String name) {
        quietly("rename organization " + organizationId + " back", () -> renameOrganization(organizationId, name));
    }

    /** Deletes the organization (its members stay users of the realm). Idempotent: a missing one is fine. */
    public void deleteOrganization(String organizationId) {
        call("delete organization", () -> {
            try (Response response = realm().organizations().get(organizationId).delete()) {
                if (response.getStatus() != 404) {
                    requireSuccess(response, "delete organization");
                }
            }
            return null;
        });
    }

    /** Deletes the user for good. Idempotent: a missing one is fine. */
    public void deleteUser(String userId) {
        call("delete user", () -> {
            try (Response response = realm().users().delete(userId)) {
                if (response.getStatus() != 404) {
                    requireSuccess(response, "delete user");
                }
            }
            return null;
        });
    }

    /** Whether the user holds the realm role (directly or through a group or composite); false for an unknown user. */
    public boolean hasRealmRole(String userId, String role) {
        return call("read realm roles", () -> {
            try {
                return realm().users().get(userId).roles().realmLevel().listEffective().stream()
                        .anyMatch(held -> role.equals(held.getName()));
            } catch (jakarta.ws.rs.NotFoundException e) {
                return false;
            }
        });
    }

    /** Compensation: never throws; a failure is logged with the id so it can be cleaned up by hand. */
    public void deleteOrganizationQuietly(String organizationId) {
        quietly("delete organization " + organizationId, () -> {
            try (Response response = realm().organizations().get(organizationId).delete()) {
                if (response.getStatus() != 404) {
                    requireSuccess(response, "delete organization");
                }
            }
        });
    }

    /**
     * Finds the user with this email, or creates one with a random temporary password that must be
     * changed at first login, and makes them a member of the organization.
     *
     * @param username      the wanted username; the email when null
     * @param usernameField the request field to name when the username belongs to someone else
     */
    public OrganizationMember provisionMember(String organizationId, String email, String name,
            @Nullable String username, String usernameField) {
        return provisionMember(organizationId, email, name, username, usernameField, null);
    }

    /**
     * As {@link #provisionMember(String, String, String, String, String)}, but a user created now gets
     * {@code password} as their own (not temporary) password: someone accepting an invitation chose it.
     * An existing user keeps theirs — a link must never reset an account's password. A password
     * Keycloak's policy refuses is 400 on {@code password}.
     */
    public OrganizationMember provisionMember(String organizationId, String email, String name,
            @Nullable String username, String usernameField, @Nullable String password) {
        ProvisionedUser user = findOrCreateUser(email, name, username, usernameField, password);
        try {
            boolean added = addToOrganization(organizationId, user.userId());
            return new OrganizationMember(user, organizationId, added);
        } catch (RuntimeException e) {
            if (user.created()) {
                deleteUserQuietly(user.userId());
            }
            throw e;
        }
    }

    /** Undoes {@link #provisionMember}: deletes a user created for it, or takes a linked user out of the organization again. */
    public void undo(OrganizationMember member) {
        if (member.user().created()) {
            deleteUserQuietly(member.user().userId());
        } else if (member.addedToOrganization()) {
            quietly("remove user " + member.user().userId() + " from organization " + member.organizationId(),
                    () -> removeFromOrganization(member.organizationId(), member.user().userId()));
        }
    }

    /** Compensation for {@link #addToOrganization}: never throws. */
    public void removeFromOrganizationQuietly(String organizationId, String userId) {
        quietly("remove user " + userId + " from organization " + organizationId,
                () -> removeFromOrganization(organizationId, userId));
    }

    /** Compensation for {@link #removeFromOrganization}: never throws. */
    public void restoreMembershipQuietly(String organizationId, String userId) {
        quietly("add user " + userId + " to organization " + organizationId + " again",
                () -> addToOrganization(organizationId, userId));
    }

    /** Returns false when the user already was a member. */
    public boolean addToOrganization(String organizationId, String userId) {
        return call("add organization member", () -> {
            try (Response response = realm().organizations().get(organizationId).members().addMember(userId)) {
                if (response.getStatus() == 409) {
                    return false;
                }
                requireSuccess(response, "add organization member");
                return true;
            }
        });
    }

    /** Idempotent: a user who is not a member is fine. */
    public void removeFromOrganization(String organizationId, String userId) {
        call("remove organization member", () -> {
            try (Response response = realm().organizations().get(organizationId).members().member(userId).delete()) {
                if (response.getStatus() != 404) {
                    requireSuccess(response, "remove organization member");
                }
            }
            return null;
        });
    }

    private ProvisionedUser findOrCreateUser(String email, String name, @Nullable String username, String usernameField,
            @Nullable String password) {
        String normalizedEmail = email.trim().toLowerCase(Locale.ROOT);
        String wantedUsername = (username == null ? normalizedEmail : username.trim()).toLowerCase(Locale.ROOT);
        return call("find or create user", () -> {
            UserRepresentation withEmail = first(realm().users().searchByEmail(normalizedEmail, true));
            UserRepresentation withUsername = first(realm().users().searchByUsername(wantedUsername, true));
            if (withEmail != null) {
                if (username != null && withUsername != null && !withUsername.getId().equals(withEmail.getId())) {
                    throw new ConflictException(usernameField, "belongs to another user");
                }
                return new ProvisionedUser(withEmail.getId(), withEmail.getUsername(), normalizedEmail,
                        displayName(withEmail, name), null, false);
            }
            if (withUsername != null) {
                throw new ConflictException(usernameField, "belongs to another user");
            }
            return createUser(normalizedEmail, name, wantedUsername, usernameField, password);
        });
    }

    private ProvisionedUser createUser(String email, String name, String username, String usernameField,
            @Nullable String chosenPassword) {
        String temporaryPassword = chosenPassword == null ? TemporaryPasswords.generate() : null;
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(chosenPassword == null ? temporaryPassword : chosenPassword);
        credential.setTemporary(chosenPassword == null);
        PersonName person = PersonName.split(name);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setFirstName(person.first());
        user.setLastName(person.last());
        user.setEnabled(true);
        // provisioned by an administrator who vouches for the address
        user.setEmailVerified(true);
        user.setRequiredActions(chosenPassword == null ? List.of(UPDATE_PASSWORD) : List.of());
        user.setCredentials(List.of(credential));
        try (Response response = realm().users().create(user)) {
            if (response.getStatus() == 409) {
                // created concurrently by another request
                throw new ConflictException(usernameField, "belongs to another user");
            }
            if (response.getStatus() == 400 && chosenPassword != null) {
                // names and e-mail were checked before; what Keycloak still refuses is its password policy
                log.info("Keycloak refused a new user's chosen password: {}", response.hasEntity() ? "policy" : "no detail");
                throw new ValidationException("password", "is not accepted by the password policy; choose a longer or stronger one");
            }
            requireSuccess(response, "create user");
            String id = CreatedResponseUtil.getCreatedId(response);
            return new ProvisionedUser(id, username, email, name.trim(), temporaryPassword, true);
        }
    }

    private void deleteUserQuietly(String userId) {
        quietly("delete user " + userId, () -> {
            try (Response response = realm().users().delete(userId)) {
                if (response.getStatus() != 404) {
                    requireSuccess(response, "delete user");
                }
            }
        });
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    /**
     * Runs one Keycloak interaction, turning its failures into 503/502 (package-private for
     * {@link IdentityBrokers}). A 403 is retried once with a fresh service-account token: the admin API
     * judges the roles <em>in the token</em>, so roles an operator just granted (e.g. for identity
     * providers) count at once instead of when the cached token expires. Nothing was done on a 403, so
     * the retry is safe.
     */
    <T> T call(String what, Supplier<T> work) {
        return call(what, work, true);
    }

    private <T> T call(String what, Supplier<T> work, boolean mayRefresh) {
        try {
            return work.get();
        } catch (ApiException e) {
            throw e;
        } catch (ProcessingException e) {
            // the admin client fetches its token inside a request filter, which wraps a refusal
            if (e.getCause() instanceof WebApplicationException refused) {
                log.error("Keycloak refused the service account while trying to {}: HTTP {}", what,
                        refused.getResponse().getStatus());
                throw UpstreamUnavailableException.failed();
            }
            log.warn("Keycloak unreachable while trying to {}: {}", what, e.getMessage());
            throw UpstreamUnavailableException.unreachable();
        } catch (WebApplicationException e) {
            if (mayRefresh && e.getResponse().getStatus() == 403 && freshToken()) {
                log.info("Keycloak refused to {} (HTTP 403); trying once more with a fresh token", what);
                return call(what, work, false);
            }
            log.error("Keycloak refused to {}: HTTP {}", what, e.getResponse().getStatus());
            throw UpstreamUnavailableException.failed();
        }
    }

    private boolean freshToken() {
        try {
            keycloak.tokenManager().grantToken();
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not get a fresh service-account token: {}", e.getMessage());
            return false;
        }
    }

    void quietly(String what, Runnable work) {
        try {
            call(what, () -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Compensation failed; clean up by hand in Keycloak realm {}: {} ({})", realm, what, e.getMessage());
        }
    }

    static void requireSuccess(Response response, String what) {
        if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            log.error("Keycloak refused to {}: HTTP {}", what, response.getStatus());
            throw UpstreamUnavailableException.failed();
        }
    }

    private static ConflictException conflictOnOrganization(Response response) {
        String message = response.hasEntity() ? response.readEntity(String.class) : "";
        return message.contains("alias") ? new ConflictException("slug", "another agency already uses this slug")
                : new ConflictException("name", "another agency already has this name");
    }

    private static @Nullable UserRepresentation first(List<UserRepresentation> users) {
        return users.isEmpty() ? null : users.get(0);
    }

    private static String displayName(UserRepresentation user, String fallback) {
        String name = PersonName.join(user.getFirstName(), user.getLastName());
        return name == null ? fallback.trim() : name;
    }
}
