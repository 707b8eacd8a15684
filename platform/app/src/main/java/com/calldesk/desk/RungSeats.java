package com.calldesk.desk;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import com.calldesk.calls.CallView;

/**
 * The seats each ringing call has rung, so that when one answers (or the caller hangs up) the others'
 * desktops hear it and stop ringing: their CallAnswered shows a colleague's seat. An end this node
 * never heard of (pub/sub is at-most-once) leaves an entry that expires.
 */
final class RungSeats {

	private final Cache<String, Set<String>> rung = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).build();

	void rang(CallView call) {
		if (call.seat() != null) {
			rung.get(key(call), k -> ConcurrentHashMap.newKeySet()).add(call.seat());
		}
	}

	/** The seats that rang for the call other than the one now on it; forgotten when answered or ended. */
	Set<String> over(CallView call, boolean ended) {
		Set<String> seats = rung.asMap().remove(key(call));
		if (seats == null) {
			return Set.of();
		}
		if (!ended) {
			seats.remove(call.seat());
		}
		return seats;
	}

	private static String key(CallView call) {
		return call.tenantId() + ":" + call.callId();
	}
}
