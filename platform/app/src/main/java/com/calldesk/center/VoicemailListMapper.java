package com.calldesk.center;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The voicemail list in the current tenant's schema, newest first by {@code ix_voicemail_recorded}, each
 * message with the callback task its call opened; paged by the key {@code (recorded_at, id)}.
 */
@Mapper
interface VoicemailListMapper {

	String COLUMNS = "v.id, v.call_id, v.customer_number, v.dialled_number, v.situation, v.ended_by, v.recorded_at, v.duration_ms, "
			+ "v.heard_by, v.heard_at, v.handled_by, v.handled_at, v.handled_outcome, r.callback_task_id";

	String FROM = " FROM voicemail v LEFT JOIN call_record r ON r.id = v.call_id ";

	@Select("<script>SELECT " + COLUMNS + FROM + "LEFT JOIN callback_task t ON t.id = r.callback_task_id "
			+ "WHERE v.recorded_at &gt;= #{from} AND v.recorded_at &lt; #{to} "
			+ "<if test='open'>AND v.handled_at IS NULL AND (t.status IS NULL OR t.status = 'OPEN') </if>"
			+ "<if test='afterAt != null'>AND (v.recorded_at &lt; #{afterAt} OR (v.recorded_at = #{afterAt} AND v.id &lt; #{afterId})) </if>"
			+ "ORDER BY v.recorded_at DESC, v.id DESC LIMIT #{limit}</script>")
	List<VoicemailRow> page(@Param("from") Instant from, @Param("to") Instant to, @Param("open") boolean open,
			@Param("afterAt") Instant afterAt, @Param("afterId") Long afterId, @Param("limit") int limit);

	@Select("SELECT " + COLUMNS + FROM + "WHERE v.id = #{id}")
	VoicemailRow one(@Param("id") long id);

	@Select("SELECT file FROM voicemail WHERE id = #{id}")
	String fileOf(@Param("id") long id);

	/** The first listener is kept. */
	@Update("UPDATE voicemail SET heard_by = #{by}, heard_at = #{at} WHERE id = #{id} AND heard_at IS NULL")
	int heard(@Param("id") long id, @Param("by") String by, @Param("at") Instant at);

	/** 0 when somebody handled it first. */
	@Update("UPDATE voicemail SET handled_by = #{by}, handled_at = #{at}, handled_outcome = #{outcome} WHERE id = #{id} AND handled_at IS NULL")
	int handled(@Param("id") long id, @Param("by") String by, @Param("outcome") String outcome, @Param("at") Instant at);

	record VoicemailRow(long id, String callId, String customerNumber, String dialledNumber, String situation, String endedBy,
			Instant recordedAt, int durationMs, String heardBy, Instant heardAt, String handledBy, Instant handledAt, String handledOutcome,
			Long callbackTaskId) {
	}
}
