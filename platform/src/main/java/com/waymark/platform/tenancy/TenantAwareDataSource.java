package com.waymark.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Writes the current tenant context into every connection handed out, so PostgreSQL row-level
 * security sees it. It is written (or blanked) on every checkout rather than per statement: a
 * pooled connection therefore never carries a previous request's tenant, and statements outside an
 * explicit transaction are covered too.
 */
public class TenantAwareDataSource extends DelegatingDataSource {

    static final String TENANT_SETTING = "waymark.tenant_id";
    static final String WORKSPACE_SETTING = "waymark.workspace_id";

    public TenantAwareDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return applyContext(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return applyContext(super.getConnection(username, password));
    }

    private static Connection applyContext(Connection connection) throws SQLException {
        TenantContext context = TenantContextHolder.current().orElse(null);
        String tenant = context == null ? "" : context.tenantId().toString();
        String workspace = context == null || context.workspaceId() == null ? "" : context.workspaceId().toString();
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('" + TENANT_SETTING + "', ?, false), set_config('" + WORKSPACE_SETTING + "', ?, false)")) {
            statement.setString(1, tenant);
            statement.setString(2, workspace);
            statement.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
