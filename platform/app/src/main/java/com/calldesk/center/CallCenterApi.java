package com.calldesk.center;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.acd.AcdJournal;
import com.calldesk.acd.CallStep;
import com.calldesk.problem.DomainException;
import com.calldesk.telephony.CallLeg;
import com.calldesk.telephony.CallRecords;
import com.calldesk.users.SignedInUser;

@Tag(name = "Call center", description = "呼叫中心 — call records in four tabs, their detail (supervisors and administrators)")
@RestController
@RequestMapping("/api/center")
class CallCenterApi {

	private final CallLists lists;

	private final CallRecords records;

	private final AcdJournal journal;

	private final CenterToday clock;

	private final CenterInfo info;

	private final TodayFigures figures;

	CallCenterApi(CallLists lists, CallRecords records, AcdJournal journal, CenterToday clock, CenterInfo info, TodayFigures figures) {
		this.lists = lists;
		this.records = records;
		this.journal = journal;
		this.clock = clock;
		this.info = info;
		this.figures = figures;
	}

	@GetMapping("/info")
	@Operation(summary = "Basic information: trunk numbers with their 400 numbers and channels in use now, display numbers with region, "
			+ "seats and how many have somebody at them, balance and this month's call charges (fen)")
	CenterInfo.Info info(@AuthenticationPrincipal SignedInUser me) {
		return info.of(me.tenantId());
	}

	@GetMapping("/today")
	@Operation(summary = "Today's figures (China's day) from ended calls: inbound offered, answered, missed, short abandons, outbound placed "
			+ "and answered, talk time, service level, answer rate, abandon rate, ASA and average talk time, each rate with its formula")
	TodayFigures.Figures today() {
		return figures.now();
	}

	@GetMapping("/calls")
	@Operation(summary = "One page of a tab (IN_ANSWERED 已接来电, IN_MISSED 未接来电, OUT_ANSWERED 呼出已接, OUT_MISSED 呼出未接), "
			+ "newest first; pass the answer's next as cursor for the following page")
	CallLists.Page calls(@RequestParam String tab,
			@Parameter(description = "first day (yyyy-MM-dd, China), default the last day") @RequestParam(required = false) String from,
			@Parameter(description = "last day, included (yyyy-MM-dd, China), default today") @RequestParam(required = false) String to,
			@RequestParam(required = false) String seat, @RequestParam(required = false) String number,
			@RequestParam(required = false) Long customer, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer size) {
		CallListQuery query = CallListQuery.parse(tab, from, to, seat, number, customer, clock.today());
		return lists.page(query, cursor, size);
	}

	@GetMapping("/calls/{callId}")
	@Operation(summary = "An ended call: its line, its legs (customer, agents, forwards) and its steps through the queue")
	Detail call(@PathVariable String callId, @AuthenticationPrincipal SignedInUser me) {
		CallLists.Line line = lists.line(callId);
		if (line == null) {
			throw DomainException.notFound("call.not-found", callId);
		}
		List<Leg> legs = records.legsOf(callId).stream().map(Leg::of).toList();
		return new Detail(line, legs, journal.stepsOf(me.tenantId(), callId));
	}

	record Detail(CallLists.Line call, List<Leg> legs, List<CallStep> steps) {
	}

	record Leg(String kind, String party, java.time.Instant startedAt, java.time.Instant answeredAt, java.time.Instant endedAt) {

		static Leg of(CallLeg leg) {
			return new Leg(leg.getKind(), leg.getParty(), leg.getStartedAt(), leg.getAnsweredAt(), leg.getEndedAt());
		}
	}
}
