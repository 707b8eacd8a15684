package com.calldesk.provisioning.tenants;

import java.util.List;
import java.util.Optional;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import org.springframework.stereotype.Component;

import com.calldesk.problem.DomainException;
import com.calldesk.tenancy.TenancyProperties;
import com.calldesk.tenancy.TenantSchema;
import com.calldesk.tenancy.TenantScope;

/** Finds tenants and turns them into the {@link TenantScope} that the data layer switches on. */
@Component
public class TenantDirectory {

	private final TenantMapper tenants;

	private final TenancyProperties tenancy;

	TenantDirectory(TenantMapper tenants, TenancyProperties tenancy) {
		this.tenants = tenants;
		this.tenancy = tenancy;
	}

	public Optional<TenantScope> activeByCode(String code) {
		if (code == null || !code.matches("[0-9]{4,12}")) {
			return Optional.empty();
		}
		Tenant tenant = tenants.selectOne(Wrappers.<Tenant>lambdaQuery().eq(Tenant::getCode, code));
		return Optional.ofNullable(tenant).filter(t -> TenantStatus.ACTIVE.name().equals(t.getStatus())).map(this::scopeOf);
	}

	public Tenant require(long tenantId) {
		Tenant tenant = tenants.selectById(tenantId);
		if (tenant == null) {
			throw DomainException.notFound("tenant.not-found", tenantId);
		}
		return tenant;
	}

	/** The scope of tenant {@code tenantId}, whatever its status; empty when there is no such tenant. */
	public Optional<TenantScope> scopeById(long tenantId) {
		return Optional.ofNullable(tenants.selectById(tenantId)).map(this::scopeOf);
	}

	public TenantScope scopeOf(Tenant tenant) {
		return new TenantScope(tenant.getId(), tenant.getCode(), new TenantSchema(tenant.getSchemaName()));
	}

	public List<Tenant> all() {
		return tenants.selectList(Wrappers.<Tenant>lambdaQuery().orderByDesc(Tenant::getId));
	}

	public List<Tenant> active() {
		return tenants.selectList(Wrappers.<Tenant>lambdaQuery().eq(Tenant::getStatus, TenantStatus.ACTIVE.name()));
	}

	public TenancyProperties tenancy() {
		return tenancy;
	}
}
