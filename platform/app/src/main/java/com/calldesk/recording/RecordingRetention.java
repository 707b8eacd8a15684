package com.calldesk.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * Deletes recordings older than their tenant's retention (center_settings.recording_retention_days;
 * none set: kept), except those under legal hold, oldest first in batches, from where the last sweep
 * got to. Every node may run it: deleting a file or a row twice is harmless, and each deletion is a
 * line in the recording's audit.
 */
@Component
public class RecordingRetention {

	private static final Logger log = LoggerFactory.getLogger(RecordingRetention.class);

	static final int BATCH = 500;

	private final TenantDirectory tenants;

	private final RecordingMapper mapper;

	private final RecordingFiles files;

	private final Clock clock;

	RecordingRetention(TenantDirectory tenants, RecordingMapper mapper, RecordingFiles files, Clock clock) {
		this.tenants = tenants;
		this.mapper = mapper;
		this.files = files;
		this.clock = clock;
	}

	@Scheduled(cron = "${calldesk.recordings.retention-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		for (Tenant tenant : tenants.active()) {
			try {
				int deleted = sweep(tenants.scopeOf(tenant));
				if (deleted > 0) {
					log.info("Retention deleted {} recordings of tenant {}", deleted, tenant.getCode());
				}
			}
			catch (RuntimeException e) {
				log.error("Retention sweep of tenant {} failed; the next sweep starts where this one stopped", tenant.getCode(), e);
			}
		}
	}

	/** One tenant's sweep; returns how many recordings it deleted. */
	public int sweep(TenantScope tenant) {
		return TenantContext.call(tenant, () -> {
			Integer days = mapper.retentionDays();
			if (days == null || days <= 0) {
				return 0;
			}
			Instant until = clock.instant().minus(Duration.ofDays(days));
			Instant from = mapper.sweptUntil() != null ? mapper.sweptUntil() : Instant.EPOCH;
			int deleted = 0;
			Instant firstKept = null;
			List<RecordingMapper.RecordedCall> batch;
			do {
				batch = mapper.expired(from, until, BATCH);
				int deletedNow = 0;
				for (RecordingMapper.RecordedCall call : batch) {
					if (delete(tenant.code(), call)) {
						deletedNow++;
					}
					else if (firstKept == null) {
						firstKept = call.offeredAt();
					}
					from = call.offeredAt();
				}
				deleted += deletedNow;
				if (deletedNow == 0) {
					break; // a whole batch that could not be deleted would be read again and again
				}
			}
			while (batch.size() == BATCH);
			// what could not be deleted now is where the next sweep starts
			mapper.sweptTo(firstKept != null ? firstKept : batch.size() == BATCH ? from : until);
			return deleted;
		});
	}

	/** File first, then the row: a crash between them leaves a row that the next sweep finishes. */
	private boolean delete(String tenantCode, RecordingMapper.RecordedCall call) {
		Path file = files.of(tenantCode, call.recording());
		try {
			if (file != null) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException e) {
			log.warn("Could not delete recording {} of call {}: {}; kept for the next sweep", file, call.id(), e.toString());
			return false;
		}
		if (mapper.markDeleted(call.id(), clock.instant()) == 0) {
			return false; // put under hold meanwhile
		}
		mapper.audit(call.id(), null, "retention", "DELETE", null, clock.instant());
		return true;
	}
}
