package com.calldesk.provisioning.tenants;

import java.time.Clock;
import java.util.List;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.calldesk.phone.PhoneNumbers;
import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.resources.OrderBook;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantSchemaMigrator;
import com.calldesk.tenancy.TenantScope;

/**
 * F1: a company applies, staff approve, and the tenant gets a code, a migrated schema and a first
 * administrator — or, if any step fails, nothing at all: the schema is dropped, the tenant row
 * deleted and the application returns to PENDING with the error, ready to be approved again.
 */
@Service
public class OpeningCallCenter {

	private static final Logger log = LoggerFactory.getLogger(OpeningCallCenter.class);

	private final TenantApplicationMapper applications;

	private final TenantMapper tenants;

	private final TenantDirectory directory;

	private final TenantSchemaMigrator migrator;

	private final TenantOnboarding onboarding;

	private final OrderBook orders;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final long firstCode;

	OpeningCallCenter(TenantApplicationMapper applications, TenantMapper tenants, TenantDirectory directory,
			TenantSchemaMigrator migrator, TenantOnboarding onboarding, OrderBook orders, TransactionTemplate tx, Clock clock,
			@Value("${calldesk.provisioning.first-tenant-code:2001000}") long firstCode) {
		this.applications = applications;
		this.tenants = tenants;
		this.directory = directory;
		this.migrator = migrator;
		this.onboarding = onboarding;
		this.orders = orders;
		this.tx = tx;
		this.clock = clock;
		this.firstCode = firstCode;
	}

	public TenantApplication apply(ApplicationForm form) {
		TenantApplication application = new TenantApplication();
		application.setCompanyName(form.companyName().strip());
		application.setContactName(form.contactName().strip());
		application.setContactPhone(PhoneNumbers.require(form.contactPhone()).e164());
		application.setContactEmail(form.contactEmail());
		application.setSeatsWanted(form.seatsWanted() == null ? 1 : form.seatsWanted());
		application.setNote(form.note());
		application.setStatus(ApplicationStatus.PENDING.name());
		application.setCreatedAt(clock.instant());
		applications.insert(application);
		return application;
	}

	public List<TenantApplication> pending() {
		return applications.selectList(Wrappers.<TenantApplication>lambdaQuery()
			.in(TenantApplication::getStatus, ApplicationStatus.PENDING.name(), ApplicationStatus.APPROVING.name())
			.orderByAsc(TenantApplication::getId));
	}

	public OpenedTenant approve(long applicationId, String staff) {
		TenantApplication application = claim(applicationId);
		Tenant tenant = null;
		try {
			tenant = tx.execute(status -> insertTenant(application));
			TenantScope scope = directory.scopeOf(tenant);
			migrator.migrate(scope.schema());
			TenantOnboarding.InitialAdmin admin = TenantContext.call(scope, () -> onboarding.initialize(scope, application));
			Tenant opened = tenant;
			tx.executeWithoutResult(status -> activate(opened, application, staff));
			log.info("Opened tenant {} ({}) for application {}", opened.getCode(), opened.getName(), applicationId);
			return new OpenedTenant(opened, admin);
		}
		catch (RuntimeException ex) {
			String cause = describe(ex);
			undo(application, tenant, cause, ex);
			throw new DomainException(HttpStatus.INTERNAL_SERVER_ERROR, "tenant.provisioning-failed", cause);
		}
	}

	public void reject(long applicationId, String reason, String staff) {
		if (reason == null || reason.isBlank()) {
			throw DomainException.badRequest("application.reason-required");
		}
		TenantApplication application = claim(applicationId);
		application.setStatus(ApplicationStatus.REJECTED.name());
		application.setRejectReason(reason.strip().substring(0, Math.min(200, reason.strip().length())));
		application.setDecidedBy(staff);
		application.setDecidedAt(clock.instant());
		applications.updateById(application);
	}

	/** Moves PENDING to APPROVING in one conditional update, so only one decision ever wins. */
	private TenantApplication claim(long applicationId) {
		TenantApplication application = applications.selectById(applicationId);
		if (application == null) {
			throw DomainException.notFound("application.not-found", applicationId);
		}
		int claimed = applications.update(null, Wrappers.<TenantApplication>lambdaUpdate()
			.set(TenantApplication::getStatus, ApplicationStatus.APPROVING.name())
			.eq(TenantApplication::getId, applicationId)
			.eq(TenantApplication::getStatus, ApplicationStatus.PENDING.name()));
		if (claimed == 0) {
			throw DomainException.conflict("application.decided", applicationId);
		}
		return application;
	}

	private Tenant insertTenant(TenantApplication application) {
		for (int attempt = 0;; attempt++) {
			Tenant tenant = new Tenant();
			tenant.setCode(nextCode());
			tenant.setName(application.getCompanyName());
			tenant.setSchemaName(directory.tenancy().schemaOf(tenant.getCode()).name());
			tenant.setStatus(TenantStatus.PROVISIONING.name());
			tenant.setBalanceFen(0L);
			tenant.setOutboundRateFen(0);
			tenant.setForwardRateFen(0);
			tenant.setCreatedAt(clock.instant());
			try {
				tenants.insert(tenant);
				return tenant;
			}
			catch (DuplicateKeyException raced) {
				if (attempt == 4) {
					throw raced;
				}
			}
		}
	}

	private String nextCode() {
		Tenant highest = tenants.selectOne(Wrappers.<Tenant>lambdaQuery().orderByDesc(Tenant::getCode).last("LIMIT 1"));
		return highest == null ? Long.toString(firstCode) : Long.toString(Long.parseLong(highest.getCode()) + 1);
	}

	private void activate(Tenant tenant, TenantApplication application, String staff) {
		tenant.setStatus(TenantStatus.ACTIVE.name());
		tenants.updateById(tenant);
		application.setStatus(ApplicationStatus.APPROVED.name());
		application.setTenantId(tenant.getId());
		application.setLastError(null);
		application.setDecidedBy(staff);
		application.setDecidedAt(clock.instant());
		applications.updateById(application);
		orders.record(tenant.getId(), "OPEN", "开通呼叫中心 / call center opened, code " + tenant.getCode(), staff);
	}

	private void undo(TenantApplication application, Tenant tenant, String message, RuntimeException cause) {
		log.warn("Opening application {} failed; rolling back", application.getId(), cause);
		if (tenant != null) {
			migrator.drop(directory.scopeOf(tenant).schema());
			tenants.deleteById(tenant.getId());
		}
		applications.update(null, Wrappers.<TenantApplication>lambdaUpdate()
			.set(TenantApplication::getStatus, ApplicationStatus.PENDING.name())
			.set(TenantApplication::getLastError, message.substring(0, Math.min(500, message.length())))
			.eq(TenantApplication::getId, application.getId()));
	}

	/** Every distinct message of the cause chain: Flyway's own top message alone ("Migration failed !") says nothing. */
	private static String describe(Throwable failure) {
		java.util.LinkedHashSet<String> messages = new java.util.LinkedHashSet<>();
		for (Throwable t = failure; t != null && messages.size() < 5; t = t.getCause()) {
			if (t.getMessage() != null) {
				messages.add(t.getMessage().strip());
			}
		}
		return String.join(" ← ", messages);
	}

	/** The opened tenant and its first administrator's one-time credentials. */
	public record OpenedTenant(Tenant tenant, TenantOnboarding.InitialAdmin admin) {
	}
}
