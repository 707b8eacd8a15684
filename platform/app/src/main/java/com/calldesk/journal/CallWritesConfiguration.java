package com.calldesk.journal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantScope;

/** The lanes that write calls' records and journals off the SIP threads ({@code calldesk.calls.write-lanes}, 4). */
@Configuration(proxyBeanMethods = false)
class CallWritesConfiguration {

	@Bean(destroyMethod = "close")
	OrderedWrites orderedWrites(Environment environment, TenantDirectory tenants, PlatformTransactionManager transactions) {
		int lanes = environment.getProperty("calldesk.calls.write-lanes", Integer.class, 4);
		// a tenant's schema does not change while it has calls; looked up once a minute, not once a batch
		LoadingCache<Long, TenantScope> scopes = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1))
			.build(tenantId -> tenants.scopeOf(tenants.require(tenantId)));
		return new OrderedWrites(lanes, scopes::get, new TransactionTemplate(transactions), Duration.ofSeconds(1));
	}

	@Bean
	MeterBinder orderedWritesMetrics(OrderedWrites writes) {
		return registry -> {
			Gauge.builder("calldesk.calls.writes.backlog", writes, OrderedWrites::backlog)
				.description("call record and journal writes queued or waiting for the database")
				.register(registry);
			Gauge.builder("calldesk.calls.writes.stalled.seconds", writes, w -> w.stalledFor().toMillis() / 1000.0)
				.description("how long the oldest write waiting for the database has waited")
				.register(registry);
			FunctionCounter.builder("calldesk.calls.writes.applied", writes, OrderedWrites::applied).register(registry);
			FunctionCounter.builder("calldesk.calls.writes.dropped", writes, OrderedWrites::dropped)
				.description("writes the database refused for good, or beyond what a lane keeps while it is away")
				.register(registry);
			FunctionCounter.builder("calldesk.calls.writes.failed.batches", writes, OrderedWrites::failedBatches).register(registry);
		};
	}
}
