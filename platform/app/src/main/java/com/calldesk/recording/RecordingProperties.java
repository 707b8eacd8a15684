package com.calldesk.recording;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param linkTtl how long a recording link works after it is handed out
 * @param linkKey base64 HMAC key the links are signed with; every node behind one balancer needs the
 *        same one. Empty: a random key per start, which is right for a single node (links from before a
 *        restart stop working, as they should soon anyway)
 * @param retentionCron when the retention job deletes recordings past their tenant's retention
 */
@ConfigurationProperties("calldesk.recordings")
public record RecordingProperties(@DefaultValue("5m") Duration linkTtl, String linkKey,
		@DefaultValue("0 30 3 * * *") String retentionCron) {
}
