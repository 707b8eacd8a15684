package com.calldesk.tenancy;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out pooled connections already pointed at the current tenant's schema, or at the platform
 * schema when no tenant is set. Every connection is switched explicitly, so a connection that an
 * earlier borrower left on another tenant can never leak that tenant's rows.
 */
public class TenantScopedDataSource extends DelegatingDataSource {

	private final TenantSchema platformSchema;

	private volatile SchemaSwitch schemaSwitch;

	public TenantScopedDataSource(DataSource target, TenantSchema platformSchema) {
		super(target);
		this.platformSchema = platformSchema;
	}

	public TenantSchema platformSchema() {
		return platformSchema;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return scoped(obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return scoped(obtainTargetDataSource().getConnection(username, password));
	}

	private Connection scoped(Connection connection) throws SQLException {
		TenantSchema schema = TenantContext.current().map(TenantScope::schema).orElse(platformSchema);
		try {
			schemaSwitch(connection).apply(connection, schema);
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	private SchemaSwitch schemaSwitch(Connection connection) throws SQLException {
		SchemaSwitch known = schemaSwitch;
		if (known == null) {
			known = SchemaSwitch.forProduct(connection.getMetaData().getDatabaseProductName());
			schemaSwitch = known;
		}
		return known;
	}
}
