package com.calldesk.acd;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The ACD's tables in the current tenant's schema. */
@Mapper
interface AcdMapper {

	@Select("SELECT strategy, sticky_agent, ring_timeout_s, wrap_up_s, no_answer_limit, no_answer_delay_s, max_wait_s, max_queue, "
			+ "announce_every_s FROM acd_settings WHERE id = 1")
	AcdSettings settings();

	@Update("UPDATE acd_settings SET strategy = #{s.strategy}, sticky_agent = #{s.stickyAgent}, ring_timeout_s = #{s.ringTimeoutS}, "
			+ "wrap_up_s = #{s.wrapUpS}, no_answer_limit = #{s.noAnswerLimit}, no_answer_delay_s = #{s.noAnswerDelayS}, "
			+ "max_wait_s = #{s.maxWaitS}, max_queue = #{s.maxQueue}, announce_every_s = #{s.announceEveryS}, updated_by = #{by}, updated_at = #{at} WHERE id = 1")
	int saveSettings(@Param("s") AcdSettings settings, @Param("by") String by, @Param("at") Instant at);

	@Select("SELECT enabled, open_days, open_from, open_until FROM phone_rules WHERE id = 1")
	java.util.Map<String, Object> phoneRules();

	@Select("SELECT rule_date, kind FROM phone_rule_day")
	java.util.List<java.util.Map<String, Object>> phoneRuleDays();

	@Update("UPDATE phone_rules SET enabled = #{enabled}, open_days = #{days}, open_from = #{from}, open_until = #{until}, "
			+ "updated_by = #{by}, updated_at = #{at} WHERE id = 1")
	int savePhoneRules(@Param("enabled") boolean enabled, @Param("days") String days, @Param("from") String from,
			@Param("until") String until, @Param("by") String by, @Param("at") Instant at);

	@org.apache.ibatis.annotations.Delete("DELETE FROM phone_rule_day")
	int clearPhoneRuleDays();

	@Insert("INSERT INTO phone_rule_day (rule_date, kind) VALUES (#{day}, #{kind})")
	int addPhoneRuleDay(@Param("day") java.time.LocalDate day, @Param("kind") String kind);

	@Select("SELECT situation, action, forward_to FROM overflow_action")
	java.util.List<java.util.Map<String, Object>> overflowActions();

	@Select("SELECT voicemail_max_s FROM phone_rules WHERE id = 1")
	Integer voicemailMaxSeconds();

	@Update("UPDATE overflow_action SET action = #{action}, forward_to = #{forwardTo} WHERE situation = #{situation}")
	int saveOverflowAction(@Param("situation") String situation, @Param("action") String action, @Param("forwardTo") String forwardTo);

	@Update("UPDATE phone_rules SET voicemail_max_s = #{seconds}, updated_by = #{by}, updated_at = #{at} WHERE id = 1")
	int saveVoicemailMax(@Param("seconds") int seconds, @Param("by") String by, @Param("at") Instant at);

	@Insert("INSERT INTO agent_state_log (seat, status, state, call_id, reason, occurred_at) "
			+ "VALUES (#{a.seat}, #{a.status}, #{a.state}, #{a.callId}, #{a.reason}, #{a.since})")
	void logAgent(@Param("a") SeatAgent agent);

	@Insert("INSERT INTO call_event (call_id, kind, seat, detail, occurred_at) VALUES (#{callId}, #{kind}, #{seat}, #{detail}, #{at})")
	void logCall(@Param("callId") String callId, @Param("kind") String kind, @Param("seat") String seat, @Param("detail") String detail,
			@Param("at") Instant at);

	@Select("SELECT kind, seat, detail, occurred_at FROM call_event WHERE call_id = #{callId} ORDER BY id")
	java.util.List<CallStep> stepsOf(@Param("callId") String callId);

	/**
	 * Answer and end of the tenant's latest answered inbound calls that have ended, newest first (the
	 * queue announcements' handle time, B7); by arrival, which is indexed.
	 */
	@Select("SELECT answered_at, ended_at FROM call_record WHERE direction = 'INBOUND' AND answered_at IS NOT NULL "
			+ "AND ended_at IS NOT NULL ORDER BY offered_at DESC LIMIT #{limit}")
	java.util.List<HandleTimes.Talk> latestAnsweredInbound(@Param("limit") int limit);

	/**
	 * The seat that last talked with this customer, or last called them and made their phone ring
	 * (B5, F13: a customer returning a missed call wants the agent who called), from the call records;
	 * {@code spellings} are the forms the customer's number may be stored in. One backward walk of the
	 * customer index per spelling, stopping at the first match: with an IN list H2 and MariaDB read and
	 * sort every record of the caller, which grows with the caller's history on the call path.
	 */
	@Select("<script>SELECT seat FROM (<foreach collection='spellings' item='n' separator=' UNION ALL '>"
			+ "(SELECT seat, offered_at FROM call_record WHERE customer_number = #{n} AND seat IS NOT NULL "
			+ "AND (answered_at IS NOT NULL OR (direction = 'OUTBOUND' AND ringing_at IS NOT NULL)) "
			+ "ORDER BY customer_number DESC, offered_at DESC LIMIT 1)</foreach>) latest ORDER BY offered_at DESC LIMIT 1</script>")
	String lastSeatOf(@Param("spellings") java.util.Collection<String> spellings);
}
