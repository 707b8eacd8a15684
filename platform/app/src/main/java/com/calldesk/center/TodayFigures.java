package com.calldesk.center;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.calldesk.telephony.CallTab;

/**
 * Today's figures on the call center page, from today's ended calls (one grouped read), each rate with
 * its formula as ANCHORS defines it. A call is "answered" when an agent answered it; its wait is from
 * the INVITE to the answer; a short abandon is a missed call that ended within {@link #SHORT_ABANDON_S}
 * seconds; closed hours are calls refused as outside opening hours.
 */
@Component
class TodayFigures {

	static final int SHORT_ABANDON_S = 5;

	static final int DEFAULT_SERVICE_LEVEL_S = 20;

	private final CallListMapper mapper;

	private final CenterToday today;

	TodayFigures(CallListMapper mapper, CenterToday today) {
		this.mapper = mapper;
		this.today = today;
	}

	/** A rate with its parts, so the page can show the formula beside the figure; null when the denominator is 0. */
	record Rate(Double value, long numerator, long denominator, String formula) {

		static Rate of(long numerator, long denominator, String formula) {
			return new Rate(denominator == 0 ? null : (double) numerator / denominator, numerator, denominator, formula);
		}
	}

	record Figures(Instant from, Instant at, int serviceLevelSeconds, long inboundOffered, long inboundAnswered, long inboundMissed,
			long shortAbandons, long closedHours, long outboundPlaced, long outboundAnswered, long inboundTalkSeconds,
			long outboundTalkSeconds, Rate serviceLevel, Rate answerRate, Rate abandonRate, Double averageSpeedOfAnswerSeconds,
			Double averageHandleSeconds) {
	}

	Figures now() {
		int sl = serviceLevelSeconds();
		Instant from = today.start();
		Instant now = today.now();
		return of(from, now, sl, mapper.figures(from, now.plusSeconds(1), sl, SHORT_ABANDON_S));
	}

	int serviceLevelSeconds() {
		Integer configured = mapper.serviceLevelSeconds();
		return configured == null || configured <= 0 ? DEFAULT_SERVICE_LEVEL_S : configured;
	}

	/** The figures of the calls in {@code tabs} (a day's, an hour's), each rate with its formula. */
	static Figures of(Instant from, Instant at, int sl, List<CallListMapper.TabFigures> tabs) {
		Map<String, CallListMapper.TabFigures> byTab = tabs.stream()
			.collect(Collectors.toMap(CallListMapper.TabFigures::tab, Function.identity()));
		CallListMapper.TabFigures none = new CallListMapper.TabFigures(null, 0, 0, 0, 0, 0, 0);
		CallListMapper.TabFigures inAnswered = byTab.getOrDefault(CallTab.IN_ANSWERED.name(), none);
		CallListMapper.TabFigures inMissed = byTab.getOrDefault(CallTab.IN_MISSED.name(), none);
		CallListMapper.TabFigures outAnswered = byTab.getOrDefault(CallTab.OUT_ANSWERED.name(), none);
		CallListMapper.TabFigures outMissed = byTab.getOrDefault(CallTab.OUT_MISSED.name(), none);
		long offered = inAnswered.calls() + inMissed.calls();
		long answered = inAnswered.calls();
		long shortAbandons = inMissed.shortAbandons();
		long closed = inMissed.closedHours();
		return new Figures(from, at, sl, offered, answered, inMissed.calls(), shortAbandons, closed, outAnswered.calls() + outMissed.calls(),
				outAnswered.calls(), inAnswered.talkSeconds(), outAnswered.talkSeconds(),
				Rate.of(inAnswered.answeredInSl(), offered - shortAbandons, "answered within " + sl + " s ÷ (offered − short abandons)"),
				Rate.of(answered, offered - closed - shortAbandons, "answered ÷ (offered − closed hours − short abandons)"),
				Rate.of(Math.max(0, inMissed.calls() - shortAbandons - closed), offered - closed,
						"abandoned without short abandons ÷ (offered − closed hours)"),
				answered == 0 ? null : (double) inAnswered.waitSeconds() / answered,
				answered == 0 ? null : (double) inAnswered.talkSeconds() / answered);
	}
}
