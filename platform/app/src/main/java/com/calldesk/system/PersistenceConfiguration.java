package com.calldesk.system;

import java.time.Clock;
import java.util.Set;

import javax.sql.DataSource;

import com.baomidou.mybatisplus.annotation.DbType;
import com.baomidou.mybatisplus.autoconfigure.ConfigurationCustomizer;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.calldesk.tenancy.SchemaCharset;
import com.calldesk.tenancy.TenancyProperties;
import com.calldesk.tenancy.TenantSchemaMigrator;
import com.calldesk.tenancy.TenantScopedDataSource;

/**
 * Every pooled connection is pointed at the current tenant's schema (or the platform schema) as it
 * leaves the pool, and every platform table is written with its schema's name, so one connection in
 * one transaction can touch a tenant's rows and the platform's (a call record and the balance).
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

	/** Tables of the shared platform schema; everything else resolves in the tenant's schema. */
	static final Set<String> PLATFORM_TABLES = Set.of("staff", "tenant_application", "tenant", "gateway", "trunk_number", "seat",
			"display_number", "balance_entry", "device_order", "order_line", "domain_verification");

	@Bean
	static BeanPostProcessor tenantScopedDataSource(org.springframework.core.env.Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof TenantScopedDataSource)) {
					String platform = environment.getProperty("calldesk.tenancy.platform-schema", "calldesk");
					return new TenantScopedDataSource(dataSource, new com.calldesk.tenancy.TenantSchema(platform));
				}
				return bean;
			}
		};
	}

	@Bean
	MybatisPlusInterceptor mybatisPlusInterceptor(TenancyProperties tenancy) {
		MybatisPlusInterceptor interceptor = new MybatisPlusInterceptor();
		interceptor.addInnerInterceptor(new PlatformTableNames(PLATFORM_TABLES, tenancy.platform().name()));
		interceptor.addInnerInterceptor(new PaginationInnerInterceptor(DbType.MYSQL));
		return interceptor;
	}

	@Bean
	ConfigurationCustomizer millisecondInstants() {
		return configuration -> configuration.getTypeHandlerRegistry().register(java.time.Instant.class, new MillisInstantTypeHandler());
	}

	/** The platform schema is made utf8mb4 before its first migration, whatever the server's default ({@link SchemaCharset}). */
	@Bean
	FlywayMigrationStrategy utf8mb4PlatformSchema(TenancyProperties tenancy) {
		return flyway -> {
			SchemaCharset.ensureUtf8mb4(flyway.getConfiguration().getDataSource(), tenancy.platform());
			flyway.migrate();
		};
	}

	@Bean
	TenantSchemaMigrator tenantSchemaMigrator(DataSource dataSource, TenancyProperties tenancy) {
		return new TenantSchemaMigrator(dataSource, tenancy.tenantLocations().toArray(String[]::new));
	}

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}
}
