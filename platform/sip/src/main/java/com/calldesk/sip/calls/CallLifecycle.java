package com.calldesk.sip.calls;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one stream of {@link CallStep}s the B2BUA publishes: the ACD, the call records and the CTI events
 * listen to it. Steps of one call come in order; they are told on SIP threads, under the call's lock, so
 * a listener must be quick and must not throw.
 */
@FunctionalInterface
public interface CallLifecycle {

	void on(CallStep step);

	/** Nobody listens. */
	CallLifecycle NONE = step -> {
	};

	/**
	 * Each step told to every one of {@code listeners}, in this order. One that throws is logged and the
	 * others still hear the step: a failing ACD must not keep a call's record open, nor the other way round.
	 */
	static CallLifecycle of(CallLifecycle... listeners) {
		List<CallLifecycle> all = List.of(listeners);
		Logger log = LoggerFactory.getLogger(CallLifecycle.class);
		return step -> {
			for (CallLifecycle listener : all) {
				try {
					listener.on(step);
				}
				catch (RuntimeException ex) {
					log.warn("A listener failed on {} of call {}", step.getClass().getSimpleName(), step.call().callId(), ex);
				}
			}
		};
	}
}
