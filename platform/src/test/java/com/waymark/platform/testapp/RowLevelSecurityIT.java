package com.waymark.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Role;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestInfrastructure;
import com.waymark.platform.test.TestUsers;

@ProbeTest
class RowLevelSecurityIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessModel access;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aQueryWithoutWhereClauseSeesOnlyTheCurrentWorkspace() throws Exception {
        Tenancy tenancy = new Tenancy(access);
        Tenancy.Workspace a = tenancy.newWorkspace();
        Tenancy.Workspace b = tenancy.newWorkspace();
        String editorA = tenancy.member(a, Role.CLIENT_EDITOR);
        String editorB = tenancy.member(b, Role.CLIENT_EDITOR);
        createNote(a, editorA, "alpha secret");
        createNote(b, editorB, "bravo secret");

        mvc.perform(get("/api/workspaces/{ws}/notes", b.workspaceId()).with(TestUsers.as(editorB)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].text").value("bravo secret"));

        List<String> seenInA = TenantContextHolder.callAs(TenantContext.ofWorkspace(a.tenantId(), a.workspaceId()),
                () -> jdbc.sql("select text from probe_note").query(String.class).list());
        assertThat(seenInA).containsExactly("alpha secret");
        List<String> seenWithoutContext = jdbc.sql("select text from probe_note").query(String.class).list();
        assertThat(seenWithoutContext).isEmpty();
    }

    @Test
    void aTenantWideContextSeesAllWorkspacesOfThatTenantOnly() throws Exception {
        Tenancy tenancy = new Tenancy(access);
        Tenancy.Workspace first = tenancy.newWorkspace();
        Tenancy.Workspace second = tenancy.workspaceIn(first.tenantId());
        Tenancy.Workspace foreign = tenancy.newWorkspace();
        String staff = tenancy.member(first, Role.AGENCY_STAFF);
        createNote(first, staff, "first client");
        createNote(second, staff, "second client");
        createNote(foreign, tenancy.member(foreign, Role.CLIENT_EDITOR), "other agency");

        List<String> seen = TenantContextHolder.callAs(TenantContext.ofTenant(first.tenantId()),
                () -> jdbc.sql("select text from probe_note order by text").query(String.class).list());

        assertThat(seen).containsExactly("first client", "second client");
    }

    @Test
    void writingARowForAnotherWorkspaceIsRejectedByThePolicy() {
        Tenancy tenancy = new Tenancy(access);
        Tenancy.Workspace a = tenancy.newWorkspace();
        Tenancy.Workspace b = tenancy.newWorkspace();

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> TenantContextHolder.runAs(
                TenantContext.ofWorkspace(a.tenantId(), a.workspaceId()),
                () -> jdbc.sql("insert into probe_note (tenant_id, workspace_id, id, text) values (?, ?, gen_random_uuid(), 'x')")
                        .params(b.tenantId(), b.workspaceId()).update()));

        assertThat(failure).rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void theApplicationRoleOwnsNoTableAndCannotBypassRowLevelSecurity() throws Exception {
        try (Connection admin = TestInfrastructure.adminConnection("platform-probe")) {
            ResultSet role = admin.createStatement().executeQuery(
                    "select rolsuper, rolbypassrls from pg_roles where rolname = 'waymark_app'");
            assertThat(role.next()).isTrue();
            assertThat(role.getBoolean("rolsuper")).isFalse();
            assertThat(role.getBoolean("rolbypassrls")).isFalse();
            ResultSet owned = admin.createStatement().executeQuery(
                    "select count(*) from pg_tables where schemaname = 'public' and tableowner = 'waymark_app'");
            owned.next();
            assertThat(owned.getInt(1)).isZero();
            ResultSet forced = admin.createStatement().executeQuery(
                    "select relrowsecurity and relforcerowsecurity from pg_class where relname = 'probe_note'");
            forced.next();
            assertThat(forced.getBoolean(1)).isTrue();
        }
        String user = jdbc.sql("select current_user").query(String.class).single();
        assertThat(user).isEqualTo("waymark_app");
    }

    private void createNote(Tenancy.Workspace workspace, String userId, String text) throws Exception {
        mvc.perform(post("/api/workspaces/{ws}/notes", workspace.workspaceId()).with(TestUsers.as(userId))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + text + "\"}"))
                .andExpect(status().isCreated());
    }
}
