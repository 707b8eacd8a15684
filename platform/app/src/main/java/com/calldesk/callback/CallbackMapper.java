package com.calldesk.callback;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Callback tasks and attempts in the current tenant's schema. */
@Mapper
interface CallbackMapper {

	String COLUMNS = "id, caller, task_day, source, first_call_id, last_call_id, missed_calls, owner_seat, owner_user_id, owner_reason, "
			+ "status, due_at, created_at, updated_at, attempts, closed_at, closed_by, outcome, outcome_note, closing_call_id, version";

	@Insert("INSERT INTO callback_task (caller, task_day, source, first_call_id, last_call_id, missed_calls, owner_seat, owner_user_id, "
			+ "owner_reason, status, due_at, created_at, updated_at, open_key) VALUES (#{t.caller}, #{t.taskDay}, #{t.source}, #{t.firstCallId}, "
			+ "#{t.lastCallId}, 1, #{t.ownerSeat}, #{t.ownerUserId}, #{t.ownerReason}, 'OPEN', #{t.dueAt}, #{t.createdAt}, #{t.createdAt}, "
			+ "#{openKey})")
	@Options(useGeneratedKeys = true, keyProperty = "key.id")
	void open(@Param("t") CallbackTask task, @Param("openKey") String openKey, @Param("key") GeneratedKey key);

	/** A repeat missed call of the same caller the same day: one more on the open task. */
	@Update("UPDATE callback_task SET missed_calls = missed_calls + 1, last_call_id = #{callId}, updated_at = #{at}, version = version + 1 "
			+ "WHERE open_key = #{openKey}")
	int fold(@Param("openKey") String openKey, @Param("callId") String callId, @Param("at") Instant at);

	@Select("SELECT " + COLUMNS + " FROM callback_task WHERE open_key = #{openKey}")
	CallbackTask byOpenKey(@Param("openKey") String openKey);

	@Select("SELECT " + COLUMNS + " FROM callback_task WHERE id = #{id}")
	CallbackTask byId(@Param("id") long id);

	/** Whoever closes first: the row must still be open and at the version the closer saw. */
	@Update("<script>UPDATE callback_task SET status = 'DONE', open_key = NULL, closed_at = #{at}, closed_by = #{by}, outcome = #{outcome}, "
			+ "outcome_note = #{note}, closing_call_id = #{callId}, updated_at = #{at}, version = version + 1 "
			+ "WHERE id = #{id} AND status = 'OPEN'<if test='version != null'> AND version = #{version}</if></script>")
	int close(@Param("id") long id, @Param("version") Integer version, @Param("outcome") String outcome, @Param("note") String note,
			@Param("callId") String callId, @Param("by") String by, @Param("at") Instant at);

	@Update("UPDATE callback_task SET attempts = attempts + 1, updated_at = #{at}, version = version + 1 WHERE id = #{id}")
	void attempted(@Param("id") long id, @Param("at") Instant at);

	@Insert("INSERT INTO callback_attempt (task_id, call_id, outcome, note, by_user, occurred_at) "
			+ "VALUES (#{taskId}, #{callId}, #{outcome}, #{note}, #{by}, #{at})")
	void attempt(@Param("taskId") long taskId, @Param("callId") String callId, @Param("outcome") String outcome, @Param("note") String note,
			@Param("by") String by, @Param("at") Instant at);

	@Select("SELECT id, task_id, call_id, outcome, note, by_user, occurred_at FROM callback_attempt WHERE task_id = #{taskId} ORDER BY id")
	List<CallbackAttempt> attemptsOf(@Param("taskId") long taskId);

	/** The open tasks of a caller (every spelling), any day: an outbound call to them is an attempt on each. */
	@Select("<script>SELECT " + COLUMNS + " FROM callback_task WHERE status = 'OPEN' AND caller IN "
			+ "<foreach collection='callers' item='c' open='(' separator=',' close=')'>#{c}</foreach></script>")
	List<CallbackTask> openOf(@Param("callers") Collection<String> callers);

	@Select("<script>SELECT " + COLUMNS + " FROM callback_task WHERE status = #{status}"
			+ "<if test='ownerUserId != null'> AND owner_user_id = #{ownerUserId}</if>"
			+ " ORDER BY <if test='status == \"OPEN\"'>due_at, id</if><if test='status != \"OPEN\"'>closed_at DESC, id DESC</if> LIMIT #{limit}</script>")
	List<CallbackTask> list(@Param("status") String status, @Param("ownerUserId") Long ownerUserId, @Param("limit") int limit);

	@Select("<script>SELECT " + COLUMNS + " FROM callback_task WHERE id IN "
			+ "<foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach></script>")
	List<CallbackTask> byIds(@Param("ids") Collection<Long> ids);

	@Update("UPDATE call_record SET callback_task_id = #{taskId} WHERE id = #{callId}")
	void linkCall(@Param("callId") String callId, @Param("taskId") long taskId);

	/**
	 * The seat that last answered or was answered by this caller (any spelling): the sticky owner. One
	 * backward index walk per spelling, as {@code AcdMapper.lastSeatOf} does, so a caller's long history
	 * is not read.
	 */
	@Select("<script>SELECT seat FROM (<foreach collection='spellings' item='n' separator=' UNION ALL '>"
			+ "(SELECT seat, offered_at FROM call_record WHERE customer_number = #{n} AND seat IS NOT NULL AND answered_at IS NOT NULL "
			+ "ORDER BY customer_number DESC, offered_at DESC LIMIT 1)</foreach>) latest ORDER BY offered_at DESC LIMIT 1</script>")
	String lastSeatOf(@Param("spellings") Collection<String> spellings);

	@Select("SELECT last_seat FROM callback_rotation WHERE id = 1 FOR UPDATE")
	String lastRotatedSeat();

	@Update("UPDATE callback_rotation SET last_seat = #{seat} WHERE id = 1")
	void rotatedTo(@Param("seat") String seat);

	@Select("SELECT COUNT(*) FROM voicemail WHERE call_id = #{callId}")
	int voicemailsOf(@Param("callId") String callId);

	@Select("SELECT COUNT(*) FROM call_event WHERE call_id = #{callId} AND kind = 'QUEUED'")
	int queuedStepsOf(@Param("callId") String callId);

	@Select("SELECT callback_sla_minutes FROM center_settings WHERE id = 1")
	Integer slaMinutes();

	/** MyBatis writes the generated id here. */
	final class GeneratedKey {

		public Long id;
	}

}
