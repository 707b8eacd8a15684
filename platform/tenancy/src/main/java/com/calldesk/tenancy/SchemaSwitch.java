package com.calldesk.tenancy;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How a connection is pointed at a schema. MySQL and MariaDB call a schema a catalog (and ignore
 * {@code setSchema}); H2 ignores {@code setCatalog}. Neither is ever done with a raw {@code USE}, so
 * the pool sees the change and restores its baseline when the connection returns.
 */
enum SchemaSwitch {

	/**
	 * Always switched, never skipped when {@code getCatalog()} already names the schema: the driver's
	 * idea of the catalog goes stale when someone (Flyway restoring a connection) runs {@code USE}
	 * behind its back, and a stale skip would leave the connection on the wrong schema.
	 */
	CATALOG {
		@Override
		void apply(Connection connection, TenantSchema schema) throws SQLException {
			connection.setCatalog(schema.name());
		}
	},

	SCHEMA {
		@Override
		void apply(Connection connection, TenantSchema schema) throws SQLException {
			connection.setSchema(schema.name());
		}
	};

	abstract void apply(Connection connection, TenantSchema schema) throws SQLException;

	static SchemaSwitch forProduct(String databaseProductName) {
		String product = databaseProductName.toLowerCase(java.util.Locale.ROOT);
		return product.contains("mysql") || product.contains("mariadb") ? CATALOG : SCHEMA;
	}
}
