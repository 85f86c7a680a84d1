package com.waymark.tenant.sso;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.platform.access.Role;
import com.waymark.platform.security.CurrentUser;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.tenant.audit.AuditLog;
import com.waymark.tenant.keycloak.IdentityBrokers;
import com.waymark.tenant.keycloak.UpstreamUnavailableException;
import com.waymark.tenant.membership.MemberProfile;
import com.waymark.tenant.membership.Memberships;
import com.waymark.tenant.tenant.Quota;
import com.waymark.tenant.tenant.QuotaExceededException;
import com.waymark.tenant.tenant.Tenant;
import com.waymark.tenant.tenant.Tenants;

/**
 * Makes people who signed in through an agency's identity provider members of the agency.
 * Keycloak adds a brokered user to the agency's organization at their first login; tenant-service
 * learns of them on their first {@code GET /api/me} (the web app's first call): a caller with no
 * membership anywhere, who is a member of an agency's organization <em>and</em> holds a link to that
 * agency's identity provider, is granted the provider's default role — once per agency and user
 * ({@code sso_grant}), so someone an admin removes later is not let back in. The grant is a normal
 * membership change (access model, {@code tenant.member.added}, audit {@code member.added}) plus an
 * audit row {@code identity-provider.member-joined}, with the user themself as the actor. The plan's
 * member quota applies: a full agency grants nothing (logged). Keycloak trouble never fails
 * {@code /api/me}: the grant is then simply tried again on the next call.
 */
@Component
public class BrokeredMembers {

    private static final Logger log = LoggerFactory.getLogger(BrokeredMembers.class);

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final AgencyIdentityProviders providers;
    private final Memberships memberships;
    private final IdentityBrokers brokers;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    BrokeredMembers(JdbcClient jdbc, Tenants tenants, AgencyIdentityProviders providers, Memberships memberships,
            IdentityBrokers brokers, AuditLog audit, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.providers = providers;
        this.memberships = memberships;
        this.brokers = brokers;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Grants the default role of every agency whose identity provider brought this user in; returns how many. */
    public int adopt(CurrentUser user) {
        if (user.isPlatformAdmin() || hasAnyMembership(user.userId())) {
            return 0;
        }
        UUID userId;
        try {
            userId = UUID.fromString(user.userId());
        } catch (IllegalArgumentException e) {
            return 0;
        }
        try {
            List<UUID> agencies = brokers.agenciesOf(user.userId());
            if (agencies.isEmpty()) {
                return 0;
            }
            List<String> links = brokers.brokerLinks(user.userId());
            int granted = 0;
            for (UUID tenantId : agencies) {
                if (adopt(user, userId, tenantId, links)) {
                    granted++;
                }
            }
            return granted;
        } catch (UpstreamUnavailableException e) {
            log.warn("Could not check whether user {} came in through an agency's identity provider: {}", userId,
                    e.getMessage());
            return 0;
        }
    }

    private boolean adopt(CurrentUser user, UUID userId, UUID tenantId, List<String> links) {
        Optional<Tenant> tenant = tenants.find(tenantId);
        if (tenant.isEmpty() || tenant.get().deleting() || tenant.get().suspended()) {
            return false;
        }
        return Boolean.TRUE.equals(inTenant(tenantId, () -> {
            Optional<StoredProvider> provider = providers.find(tenantId);
            if (provider.isEmpty() || !links.contains(provider.get().alias())) {
                return false;
            }
            Tenant locked = tenants.lock(tenantId);
            String alias = provider.get().alias();
            Role role = Role.fromValue(provider.get().defaultRole()).orElse(Role.AGENCY_STAFF);
            try {
                locked.plan().requireRoomForOneMore(Quota.MEMBERS, memberships.countPeople(tenantId));
            } catch (QuotaExceededException e) {
                log.warn("Agency {} is full: user {} who came in through {} gets no role", tenantId, userId, alias);
                return false;
            }
            if (!providers.recordGrant(tenantId, userId, alias, role.value())) {
                return false;
            }
            memberships.grantAgencyRole(tenantId, new MemberProfile(userId, user.username(), user.email(), name(user)), role);
            audit.record(tenantId, null, "identity-provider.member-joined", "user", userId,
                    Map.of("alias", alias, "role", role.value(), "username", user.username()));
            log.info("User {} came in through {} and became {} of agency {}", userId, alias, role.value(), tenantId);
            return true;
        }));
    }

    private boolean hasAnyMembership(String userId) {
        return jdbc.sql("select exists (select 1 from access_membership where user_id = ?)").param(userId)
                .query(Boolean.class).single();
    }

    private static @Nullable String name(CurrentUser user) {
        return user.name() == null || user.name().isBlank() ? null : user.name();
    }

    private <T> T inTenant(UUID tenantId, Supplier<T> work) {
        return TenantContextHolder.callAs(TenantContext.ofTenant(tenantId), () -> transactions.execute(status -> work.get()));
    }
}
