package com.waymark.platform.testapp;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestUsers;

@ProbeTest
class AccessIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessModel access;

    Tenancy tenancy;
    Tenancy.Workspace workspace;

    @BeforeEach
    void setUp() {
        tenancy = new Tenancy(access);
        workspace = tenancy.newWorkspace();
    }

    @Test
    void aRequestWithoutTokenIsUnauthorizedAsProblemJson() throws Exception {
        mvc.perform(get("/api/workspaces/{ws}/notes", workspace.workspaceId()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/unauthorized"));
    }

    @Test
    void aMemberOfAnotherWorkspaceGetsNotFound() throws Exception {
        String stranger = tenancy.member(tenancy.newWorkspace(), Role.CLIENT_ADMIN);
        mvc.perform(get("/api/workspaces/{ws}/notes", workspace.workspaceId()).with(TestUsers.as(stranger)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/not-found"));
    }

    @Test
    void agencyStaffOfAnotherAgencyGetsNotFound() throws Exception {
        String otherAgencyStaff = tenancy.member(tenancy.newWorkspace(), Role.AGENCY_ADMIN);
        mvc.perform(get("/api/workspaces/{ws}/notes", workspace.workspaceId()).with(TestUsers.as(otherAgencyStaff)))
                .andExpect(status().isNotFound());
    }

    @Test
    void agencyStaffReachEveryWorkspaceOfTheirAgency() throws Exception {
        String staff = tenancy.member(workspace, Role.AGENCY_STAFF);
        Tenancy.Workspace sibling = tenancy.workspaceIn(workspace.tenantId());
        mvc.perform(get("/api/workspaces/{ws}/notes", sibling.workspaceId()).with(TestUsers.as(staff)))
                .andExpect(status().isOk());
    }

    @Test
    void aMalformedWorkspaceIdIsNotFound() throws Exception {
        String editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        mvc.perform(get("/api/workspaces/not-a-uuid/notes").with(TestUsers.as(editor)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aViewerCanReadButNotWrite() throws Exception {
        String viewer = tenancy.member(workspace, Role.CLIENT_VIEWER);
        mvc.perform(get("/api/workspaces/{ws}/notes", workspace.workspaceId()).with(TestUsers.as(viewer)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/workspaces/{ws}/notes", workspace.workspaceId()).with(TestUsers.as(viewer))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hello\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/forbidden"));
    }

    @Test
    void usersOfASuspendedTenantAreRefusedWithTenantSuspended() throws Exception {
        String editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        tenancy.suspend(workspace.tenantId());
        mvc.perform(get("/api/workspaces/{ws}/notes", workspace.workspaceId()).with(TestUsers.as(editor)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/tenant-suspended"));
    }

    @Test
    void invalidBodiesNameTheFieldAtFault() throws Exception {
        String editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        mvc.perform(post("/api/workspaces/{ws}/notes", workspace.workspaceId()).with(TestUsers.as(editor))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(post("/api/workspaces/{ws}/notes", workspace.workspaceId()).with(TestUsers.as(editor))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": 12, "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/workspaces/{ws}/notes", workspace.workspaceId()).with(TestUsers.as(editor))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": [1]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
    }
}
