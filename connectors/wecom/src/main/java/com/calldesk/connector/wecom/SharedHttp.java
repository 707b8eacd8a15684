package com.calldesk.connector.wecom;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;

/**
 * The one Apache HttpClient pool every tenant's WxJava service uses (the SDK's singleton builder).
 * Its settings are read only when the first service builds the client, so they are set once, before.
 */
final class SharedHttp {

	private static final Logger log = LoggerFactory.getLogger(SharedHttp.class);

	private static final int TIMEOUT_MILLIS = 5_000;

	/** All tenants talk to one host, and the SDK's 10 per route would queue a busy cluster node's screen pops. */
	private static final int CONNECTIONS_PER_HOST = 50;

	private static final int CONNECTIONS_TOTAL = 100;

	private static final AtomicBoolean TUNED = new AtomicBoolean();

	private SharedHttp() {
	}

	static void tuneOnce() {
		if (!TUNED.compareAndSet(false, true)) {
			return;
		}
		DefaultApacheHttpClientBuilder builder = DefaultApacheHttpClientBuilder.get();
		if (builder.getPrepared().get()) {
			log.warn("WxJava's shared HTTP client was built before the WeCom connector could tune it; "
					+ "its default timeouts and pool size apply");
			return;
		}
		builder.setConnectionTimeout(TIMEOUT_MILLIS);
		builder.setSoTimeout(TIMEOUT_MILLIS);
		// the SDK's default -1 waits for a pooled connection for ever
		builder.setConnectionRequestTimeout(TIMEOUT_MILLIS);
		builder.setMaxConnPerHost(CONNECTIONS_PER_HOST);
		builder.setMaxTotalConn(CONNECTIONS_TOTAL);
	}
}
