package com.calldesk.billing;

import java.time.Duration;

/**
 * A tenant's per-minute rates in fen, set by provisioning staff. Calls are rated as Chinese carriers
 * bill them: from the answer, per started minute (不足一分钟按一分钟计), so an answered call costs at
 * least one minute even when hung up at once (接通即计费), and 61 s are two minutes. Talk time counts
 * in whole seconds, fractions dropped, as carriers' records do: 60.9 s is one minute.
 */
public record Tariff(int outboundFenPerMinute, int forwardFenPerMinute) {

	public Tariff {
		if (outboundFenPerMinute < 0 || forwardFenPerMinute < 0) {
			throw new IllegalArgumentException("rates cannot be negative");
		}
	}

	/** Rates as stored on the tenant; a rate never set counts as free. */
	public static Tariff of(Integer outboundFenPerMinute, Integer forwardFenPerMinute) {
		return new Tariff(outboundFenPerMinute == null ? 0 : outboundFenPerMinute, forwardFenPerMinute == null ? 0 : forwardFenPerMinute);
	}

	public int rateOf(ChargeKind kind) {
		return switch (kind) {
			case OUTBOUND -> outboundFenPerMinute;
			case FORWARD -> forwardFenPerMinute;
		};
	}

	public Charge charge(BillableTime time) {
		int minutes = startedMinutes(time.talk());
		int rate = rateOf(time.kind());
		return new Charge(time.kind(), minutes, rate, (long) minutes * rate);
	}

	/** Started minutes of an answered call's talk time: at least one. */
	static int startedMinutes(Duration talk) {
		long seconds = Math.max(0, talk.getSeconds());
		return (int) Math.max(1, (seconds + 59) / 60);
	}
}
