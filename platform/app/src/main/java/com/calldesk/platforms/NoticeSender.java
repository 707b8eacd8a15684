package com.calldesk.platforms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.calldesk.connector.Notice;
import com.calldesk.connector.Platform;
import com.calldesk.connector.SendResult;
import com.calldesk.connector.TenantPort;
import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.state.ExpiringCounters;
import com.calldesk.tenancy.TenantContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the outbox: at once when a notice is queued, then every sweep for what is due again. A
 * platform that is down or limits us gets the notice later (back-off, or the platform's own hint); a
 * person who gets too many in a minute gets the rest a minute later (WeCom drops the excess silently);
 * a screen pop older than two minutes is no use any more and is given up. A claim with an expiry makes
 * one node send each notice, and a node that dies mid-send leaves it to the next sweep.
 */
@Component
class NoticeSender {

	private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

	static final Duration CLAIM = Duration.ofSeconds(30);

	static final Duration POP_USEFUL_FOR = Duration.ofMinutes(2);

	private final NoticeMapper outbox;

	private final TenantPorts ports;

	private final TenantDirectory tenants;

	private final ExpiringCounters counters;

	private final PlatformProperties.Notices settings;

	private final JsonMapper json;

	private final Clock clock;

	NoticeSender(NoticeMapper outbox, TenantPorts ports, TenantDirectory tenants, ExpiringCounters counters, PlatformProperties properties,
			JsonMapper json, Clock clock) {
		this.outbox = outbox;
		this.ports = ports;
		this.tenants = tenants;
		this.counters = counters;
		this.settings = properties.notices();
		this.json = json;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${calldesk.platforms.notices.sweep:10s}")
	void sweep() {
		for (Tenant tenant : tenants.active()) {
			try {
				TenantContext.run(tenants.scopeOf(tenant), () -> outbox.due(clock.instant(), 50).forEach(row -> send(row.id())));
			}
			catch (RuntimeException e) {
				log.warn("Notice sweep of tenant {} failed; the next sweep tries again", tenant.getCode(), e);
			}
		}
	}

	/** Sends one notice of the current tenant if no other node is sending it. */
	void send(long id) {
		Instant now = clock.instant();
		if (outbox.claim(id, now, now.plus(CLAIM)) == 0) {
			return;
		}
		NoticeMapper.Row row = outbox.byId(id);
		Notice notice = json.readValue(row.payload(), Notice.class);
		if (notice.kind() == Notice.Kind.SCREEN_POP && row.createdAt().plus(POP_USEFUL_FOR).isBefore(now)) {
			outbox.gaveUp(id, "EXPIRED", 0, row.lastError() == null ? "too late for a screen pop" : row.lastError());
			return;
		}
		Platform platform = Platform.valueOf(row.platform());
		TenantPort port = ports.port(platform).orElse(null);
		if (port == null) {
			outbox.gaveUp(id, "FAILED", 0, "platform switched off");
			return;
		}
		String person = "notice:" + TenantContext.require().tenantId() + ":" + row.platform() + ":" + row.platformUserId();
		if (counters.increment(person, Duration.ofMinutes(1)) > settings.perMinute()) {
			outbox.later(id, 0, now.plus(Duration.ofMinutes(1)), "more than " + settings.perMinute() + " notices a minute to this person");
			return;
		}
		SendResult result;
		try {
			result = port.messenger().send(row.platformUserId(), notice);
		}
		catch (RuntimeException e) {
			result = SendResult.failed(true, e.getClass().getSimpleName() + ": " + e.getMessage());
		}
		settle(row, result, now);
	}

	private void settle(NoticeMapper.Row row, SendResult result, Instant now) {
		if (result.delivered()) {
			outbox.sent(row.id(), result.platformMessageId(), clock.instant());
			return;
		}
		String error = result.error() == null ? "refused" : result.error().length() > 500 ? result.error().substring(0, 500) : result.error();
		int attempts = row.attempts() + 1;
		if (!result.retry() || attempts >= settings.maxAttempts()) {
			outbox.gaveUp(row.id(), "FAILED", 1, error);
			log.info("Gave up a {} notice {} to {} after {} attempts: {}", row.platform(), row.noticeKey(), row.platformUserId(), attempts, error);
			return;
		}
		outbox.later(row.id(), 1, now.plus(result.retryAfter() != null ? result.retryAfter() : backOff(attempts)), error);
	}

	/** 5 s, 10 s, 20 s … at most ten minutes. */
	static Duration backOff(int attempts) {
		return Duration.ofSeconds(Math.min(600, 5L << Math.min(attempts - 1, 10)));
	}

	List<NoticeMapper.Row> troubled() {
		return outbox.troubled(20);
	}
}
