package com.calldesk.desk;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.calldesk.calls.CallView;

/**
 * The screen pop of each call, built once per event on this node whatever the number of tabs, and kept
 * for the ringing of the next seat a call tries. Answering and reconnecting read it afresh: a caller
 * saved or a work order opened while the phone rang must show. A pop that cannot be built leaves the
 * call without one (the page still rings and shows the number).
 */
@Component
class CallPops {

	private static final Logger log = LoggerFactory.getLogger(CallPops.class);

	private final ScreenPops pops;

	private final Cache<String, ScreenPop> built = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofHours(2)).build();

	CallPops(ScreenPops pops) {
		this.pops = pops;
	}

	/** {@code fresh}: read now rather than reuse the pop of an earlier ring. */
	Optional<ScreenPop> of(CallView call, boolean fresh) {
		if (call.direction() == com.calldesk.calls.CallDirection.INTERNAL) {
			return Optional.empty();
		}
		String key = call.tenantId() + ":" + call.callId();
		try {
			if (fresh) {
				built.invalidate(key);
			}
			return Optional.of(built.get(key, k -> pops.pop(call.tenantId(), call.callId(), call.customerNumber(), call.trunkNumber(),
					call.dialledNumber())));
		}
		catch (RuntimeException ex) {
			log.warn("No screen pop for call {} of tenant {}", call.callId(), call.tenantCode(), ex);
			return Optional.empty();
		}
	}
}
