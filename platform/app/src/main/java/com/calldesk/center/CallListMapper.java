package com.calldesk.center;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The lists' one query, in the current tenant's schema. Each filter keeps it on one index range:
 * a tab alone or with a date range reads {@code ix_call_record_tab}, with a seat
 * {@code ix_call_record_tab_seat}, with numbers (a number or a customer's) {@code ix_call_record_customer};
 * the next page continues after the last row's key instead of counting rows off (no OFFSET).
 */
@Mapper
interface CallListMapper {

	String COLUMNS = "id, tab, customer_number, dialled_number, trunk_number, display_number, seat, offered_at, ringing_at, "
			+ "answered_at, ended_at, ended_by, end_reason, recording IS NOT NULL AS recorded, cost_fen, callback_task_id";

	/** {@link #COLUMNS} of the row {@code c} of a two-step read. */
	String ROW_COLUMNS = "c.id, c.tab, c.customer_number, c.dialled_number, c.trunk_number, c.display_number, c.seat, c.offered_at, "
			+ "c.ringing_at, c.answered_at, c.ended_at, c.ended_by, c.end_reason, c.recording IS NOT NULL AS recorded, c.cost_fen, "
			+ "c.callback_task_id";

	String WHERE = "WHERE tab = #{q.tab} AND offered_at &gt;= #{q.from} AND offered_at &lt; #{q.to} "
			+ "<if test='q.seat != null'>AND seat = #{q.seat} </if>"
			+ "<if test='numbers != null'>AND customer_number IN "
			+ "<foreach collection='numbers' item='n' open='(' separator=',' close=')'>#{n}</foreach> </if>";

	/**
	 * A page in two steps: the keys of its rows from the index alone, then those rows. In one step,
	 * MariaDB 10.11 reads a range of more than ~45 days by {@code tab} alone and filters every row newer
	 * than the cursor from the table (a deep page of 400 days took a second, an export's chunks grew
	 * with their depth); the index-only step reads exactly the page's keys however deep it is.
	 */
	@Select("<script>SELECT " + ROW_COLUMNS + " FROM (SELECT id, offered_at FROM call_record " + WHERE
			+ "<if test='after != null'>AND (offered_at &lt; #{after.offeredAt} OR (offered_at = #{after.offeredAt} AND id &lt; #{after.id})) </if>"
			+ "ORDER BY offered_at DESC, id DESC LIMIT #{limit}) k JOIN call_record c ON c.id = k.id "
			+ "ORDER BY k.offered_at DESC, k.id DESC</script>")
	List<CallListRow> page(@Param("q") CallListQuery query, @Param("numbers") Collection<String> numbers,
			@Param("after") ListCursor after, @Param("limit") int limit);

	/** How many lines the whole list has: what an export will write. */
	@Select("<script>SELECT COUNT(*) FROM call_record " + WHERE + "</script>")
	long count(@Param("q") CallListQuery query, @Param("numbers") Collection<String> numbers);

	@Select("SELECT " + COLUMNS + " FROM call_record WHERE id = #{id} AND tab IS NOT NULL")
	CallListRow one(@Param("id") String id);

	/** What the tenant's calls since {@code since} cost, in fen: from the index alone ({@code ix_call_record_offered} holds the cost). */
	@Select("SELECT SUM(cost_fen) FROM call_record WHERE offered_at >= #{since} AND cost_fen > 0")
	Long chargesSince(@Param("since") java.time.Instant since);

	/** Today's ended calls per tab, with the sums the figures need (ix_call_record_offered). */
	@Select("SELECT tab, COUNT(*) AS calls, "
			+ "SUM(CASE WHEN answered_at IS NOT NULL THEN TIMESTAMPDIFF(SECOND, answered_at, ended_at) ELSE 0 END) AS talk_seconds, "
			+ "SUM(CASE WHEN answered_at IS NOT NULL THEN TIMESTAMPDIFF(SECOND, offered_at, answered_at) ELSE 0 END) AS wait_seconds, "
			+ "SUM(CASE WHEN answered_at IS NOT NULL AND TIMESTAMPDIFF(SECOND, offered_at, answered_at) <= #{slSeconds} THEN 1 ELSE 0 END) "
			+ "AS answered_in_sl, "
			+ "SUM(CASE WHEN answered_at IS NULL AND TIMESTAMPDIFF(SECOND, offered_at, ended_at) < #{shortAbandonSeconds} THEN 1 ELSE 0 END) "
			+ "AS short_abandons, SUM(CASE WHEN end_reason = 'closed' THEN 1 ELSE 0 END) AS closed_hours "
			+ "FROM call_record WHERE offered_at >= #{from} AND offered_at < #{to} AND tab IS NOT NULL GROUP BY tab")
	List<TabFigures> figures(@Param("from") java.time.Instant from, @Param("to") java.time.Instant to, @Param("slSeconds") int slSeconds,
			@Param("shortAbandonSeconds") int shortAbandonSeconds);

	/** The day's inbound calls per hour (0–23 from {@code from}) and tab, with the same sums as {@link #figures}. */
	@Select("SELECT hour_of_day, tab, COUNT(*) AS calls, "
			+ "SUM(CASE WHEN answered_at IS NOT NULL THEN TIMESTAMPDIFF(SECOND, answered_at, ended_at) ELSE 0 END) AS talk_seconds, "
			+ "SUM(CASE WHEN answered_at IS NOT NULL THEN TIMESTAMPDIFF(SECOND, offered_at, answered_at) ELSE 0 END) AS wait_seconds, "
			+ "SUM(CASE WHEN answered_at IS NOT NULL AND TIMESTAMPDIFF(SECOND, offered_at, answered_at) <= #{slSeconds} THEN 1 ELSE 0 END) "
			+ "AS answered_in_sl, "
			+ "SUM(CASE WHEN answered_at IS NULL AND TIMESTAMPDIFF(SECOND, offered_at, ended_at) < #{shortAbandonSeconds} THEN 1 ELSE 0 END) "
			+ "AS short_abandons, SUM(CASE WHEN end_reason = 'closed' THEN 1 ELSE 0 END) AS closed_hours "
			+ "FROM (SELECT FLOOR(TIMESTAMPDIFF(SECOND, #{from}, offered_at) / 3600) AS hour_of_day, tab, offered_at, answered_at, ended_at, "
			+ "end_reason FROM call_record WHERE offered_at >= #{from} AND offered_at < #{to} AND tab IN ('IN_ANSWERED', 'IN_MISSED')) x "
			+ "GROUP BY hour_of_day, tab")
	List<HourFigures> hourly(@Param("from") java.time.Instant from, @Param("to") java.time.Instant to, @Param("slSeconds") int slSeconds,
			@Param("shortAbandonSeconds") int shortAbandonSeconds);

	record HourFigures(long hourOfDay, String tab, long calls, long talkSeconds, long waitSeconds, long answeredInSl, long shortAbandons,
			long closedHours) {

		TabFigures figures() {
			return new TabFigures(tab, calls, talkSeconds, waitSeconds, answeredInSl, shortAbandons, closedHours);
		}
	}

	@Select("SELECT service_level_s FROM center_settings WHERE id = 1")
	Integer serviceLevelSeconds();

	record TabFigures(String tab, long calls, long talkSeconds, long waitSeconds, long answeredInSl, long shortAbandons, long closedHours) {
	}

	/** Every number of every contact of a customer, in E.164: the customer filter's numbers. */
	@Select("SELECT p.e164 FROM contact c JOIN contact_phone p ON p.contact_id = c.id WHERE c.customer_id = #{customerId}")
	List<String> numbersOfCustomer(@Param("customerId") long customerId);

	/** The contacts with these E.164 numbers, for the names on a page. */
	@Select("<script>SELECT p.e164, c.id AS contact_id, c.name AS contact_name, u.id AS customer_id, u.name AS customer_name "
			+ "FROM contact_phone p JOIN contact c ON c.id = p.contact_id JOIN customer u ON u.id = c.customer_id WHERE p.e164 IN "
			+ "<foreach collection='numbers' item='n' open='(' separator=',' close=')'>#{n}</foreach></script>")
	List<NumberOwner> owners(@Param("numbers") Collection<String> numbers);

	record NumberOwner(String e164, long contactId, String contactName, long customerId, String customerName) {
	}
}
