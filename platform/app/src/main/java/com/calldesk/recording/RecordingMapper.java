package com.calldesk.recording;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Recordings' rows in the current tenant's schema: the call's, its agent legs', the audit and the settings. */
@Mapper
interface RecordingMapper {

	@Select("SELECT id, seat, recording, legal_hold, recording_deleted_at, offered_at FROM call_record WHERE id = #{callId}")
	RecordedCall call(@Param("callId") String callId);

	@Select("SELECT COUNT(*) FROM call_leg WHERE call_id = #{callId} AND kind = 'AGENT' AND party = #{seat}")
	int agentLegsOf(@Param("callId") String callId, @Param("seat") String seat);

	@Insert("INSERT INTO recording_access (call_id, user_id, username, action, remote, occurred_at) "
			+ "VALUES (#{callId}, #{userId}, #{username}, #{action}, #{remote}, #{at})")
	void audit(@Param("callId") String callId, @Param("userId") Long userId, @Param("username") String username,
			@Param("action") String action, @Param("remote") String remote, @Param("at") Instant at);

	@Select("SELECT call_id, user_id, username, action, remote, occurred_at FROM recording_access WHERE call_id = #{callId} "
			+ "ORDER BY occurred_at DESC, id DESC LIMIT 200")
	List<RecordingAccess> accessOf(@Param("callId") String callId);

	@Update("UPDATE call_record SET legal_hold = #{hold} WHERE id = #{callId}")
	int setHold(@Param("callId") String callId, @Param("hold") boolean hold);

	@Select("SELECT recording_retention_days FROM center_settings WHERE id = 1")
	Integer retentionDays();

	@Select("SELECT retention_swept_until FROM center_settings WHERE id = 1")
	Instant sweptUntil();

	@Update("UPDATE center_settings SET retention_swept_until = #{until} WHERE id = 1")
	void sweptTo(@Param("until") Instant until);

	/** Recordings past retention, oldest first, from where the last sweep stopped ({@code ix_call_record_offered}). */
	@Select("SELECT id, seat, recording, legal_hold, recording_deleted_at, offered_at FROM call_record "
			+ "WHERE offered_at >= #{from} AND offered_at < #{until} AND recording IS NOT NULL AND legal_hold = FALSE "
			+ "ORDER BY offered_at LIMIT #{limit}")
	List<RecordedCall> expired(@Param("from") Instant from, @Param("until") Instant until, @Param("limit") int limit);

	@Update("UPDATE call_record SET recording = NULL, recording_deleted_at = #{at} WHERE id = #{callId} AND legal_hold = FALSE")
	int markDeleted(@Param("callId") String callId, @Param("at") Instant at);

	/** A call's row as the recording rules need it. */
	record RecordedCall(String id, String seat, String recording, boolean legalHold, Instant recordingDeletedAt, Instant offeredAt) {
	}

	/** One line of the audit. */
	record RecordingAccess(String callId, Long userId, String username, String action, String remote, Instant occurredAt) {
	}
}
