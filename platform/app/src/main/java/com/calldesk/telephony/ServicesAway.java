package com.calldesk.telephony;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.redisson.client.RedisException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The failures that mean a service CallDesk depends on is away (the database, Redis), not that the
 * request was wrong nor that CallDesk is broken: SIP answers them 503 with Retry-After.
 */
final class ServicesAway {

	private ServicesAway() {
	}

	static boolean away(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof RedisException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof DataAccessResourceFailureException) {
				return true;
			}
		}
		return false;
	}
}
