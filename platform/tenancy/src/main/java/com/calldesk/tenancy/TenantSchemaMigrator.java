package com.calldesk.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and migrates tenant schemas with Flyway, one history table per schema. A schema whose
 * first migration failed is dropped again, so a retried approval starts from nothing instead of from
 * a half-built schema (MySQL cannot roll DDL back).
 */
public class TenantSchemaMigrator {

	private final DataSource dataSource;

	private final String[] locations;

	public TenantSchemaMigrator(DataSource dataSource, String... locations) {
		this.dataSource = dataSource;
		this.locations = locations;
	}

	/** Creates the schema if needed and applies every pending migration. */
	public MigrateResult migrate(TenantSchema schema) {
		boolean existed = exists(schema);
		try {
			SchemaCharset.ensureUtf8mb4(dataSource, schema);
			return flyway(schema).migrate();
		}
		catch (RuntimeException ex) {
			if (!existed) {
				drop(schema);
			}
			throw ex;
		}
	}

	public boolean exists(TenantSchema schema) {
		try (Connection connection = dataSource.getConnection()) {
			try (var rs = connection.getMetaData().getSchemas()) {
				while (rs.next()) {
					if (schema.name().equalsIgnoreCase(rs.getString(1))) {
						return true;
					}
				}
			}
			try (var rs = connection.getMetaData().getCatalogs()) {
				while (rs.next()) {
					if (schema.name().equalsIgnoreCase(rs.getString(1))) {
						return true;
					}
				}
			}
			return false;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot list schemas", ex);
		}
	}

	public void drop(TenantSchema schema) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			boolean catalogs = SchemaSwitch.forProduct(connection.getMetaData().getDatabaseProductName()) == SchemaSwitch.CATALOG;
			statement.execute(catalogs ? "DROP DATABASE IF EXISTS " + schema.name()
					: "DROP SCHEMA IF EXISTS " + schema.name() + " CASCADE");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot drop schema " + schema, ex);
		}
	}

	private Flyway flyway(TenantSchema schema) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(schema.name())
			.defaultSchema(schema.name())
			.createSchemas(true)
			.locations(locations)
			.cleanDisabled(true)
			.load();
	}
}
