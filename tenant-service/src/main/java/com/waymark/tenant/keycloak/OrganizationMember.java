package com.waymark.tenant.keycloak;

/**
 * What {@link IdentityDirectory#provisionMember} did in Keycloak, so that it can be undone when the
 * database part of the change fails.
 *
 * @param addedToOrganization false when the user already belonged to the organization
 */
public record OrganizationMember(ProvisionedUser user, String organizationId, boolean addedToOrganization) {
}
