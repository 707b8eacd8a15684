package com.calldesk.center;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The monitor wall's reads of today, each one range of one index: the seats' ended calls
 * ({@code ix_call_record_offered}), the queue's offers and answers ({@code ix_call_event_at}) and the
 * agents' status changes ({@code ix_agent_state_log_at}, and {@code ix_agent_state_log_seat} for each
 * seat's last change before the day). {@code seat} null reads every seat; a seat, that seat's alone (the
 * line a supervisor's switch answers with).
 */
@Mapper
interface MonitorWallMapper {

	String ONE_SEAT = "<if test='seat != null'> AND seat = #{seat}</if>";

	@Select("<script>SELECT seat, direction, COUNT(*) AS calls, SUM(CASE WHEN answered_at IS NOT NULL THEN 1 ELSE 0 END) AS answered, "
			+ "SUM(CASE WHEN answered_at IS NOT NULL THEN TIMESTAMPDIFF(SECOND, answered_at, ended_at) ELSE 0 END) AS talk_seconds "
			+ "FROM call_record WHERE offered_at &gt;= #{from} AND offered_at &lt; #{to} AND tab IS NOT NULL AND seat IS NOT NULL" + ONE_SEAT
			+ " GROUP BY seat, direction</script>")
	List<SeatCalls> calls(@Param("from") Instant from, @Param("to") Instant to, @Param("seat") String seat);

	record SeatCalls(String seat, String direction, long calls, long answered, long talkSeconds) {
	}

	/** Offers the caller stayed for: an offer withdrawn (the caller left, a colleague answered a ring-all) is none. */
	@Select("<script>SELECT seat, SUM(CASE WHEN kind = 'OFFERED' THEN 1 WHEN kind = 'WITHDRAWN' THEN -1 ELSE 0 END) AS offered, "
			+ "SUM(CASE WHEN kind = 'ANSWERED' THEN 1 ELSE 0 END) AS answered "
			+ "FROM call_event WHERE occurred_at &gt;= #{from} AND occurred_at &lt; #{to} AND seat IS NOT NULL" + ONE_SEAT
			+ " GROUP BY seat</script>")
	List<SeatOffers> offers(@Param("from") Instant from, @Param("to") Instant to, @Param("seat") String seat);

	record SeatOffers(String seat, long offered, long answered) {
	}

	@Select("<script>SELECT seat, status, state, occurred_at FROM agent_state_log WHERE occurred_at &gt;= #{from} AND occurred_at &lt; #{to}"
			+ ONE_SEAT + " ORDER BY seat, occurred_at, id</script>")
	List<StateChange> changes(@Param("from") Instant from, @Param("to") Instant to, @Param("seat") String seat);

	/** Each seat's last change before {@code before}: how the day began for it. */
	@Select("<script>SELECT l.seat, l.status, l.state, l.occurred_at FROM agent_state_log l JOIN (SELECT seat, MAX(occurred_at) AS at "
			+ "FROM agent_state_log WHERE occurred_at &lt; #{before}" + ONE_SEAT + " GROUP BY seat) x ON x.seat = l.seat AND x.at = l.occurred_at"
			+ "</script>")
	List<StateChange> lastBefore(@Param("before") Instant before, @Param("seat") String seat);

	record StateChange(String seat, String status, String state, Instant occurredAt) {
	}
}
