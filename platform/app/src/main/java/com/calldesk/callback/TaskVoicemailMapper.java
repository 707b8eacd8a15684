package com.calldesk.callback;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The voicemails left by the calls a callback task folds in, in the current tenant's schema. */
@Mapper
interface TaskVoicemailMapper {

	String OF_TASK = "FROM voicemail v JOIN call_record r ON r.id = v.call_id WHERE r.callback_task_id = #{taskId} ";

	@Select("SELECT v.id, v.call_id, v.recorded_at, v.duration_ms, v.heard_by, v.heard_at " + OF_TASK + "ORDER BY v.recorded_at, v.id")
	List<TaskVoicemails.Message> of(@Param("taskId") long taskId);

	@Select("SELECT v.id, v.call_id, v.recorded_at, v.duration_ms, v.heard_by, v.heard_at " + OF_TASK + "AND v.id = #{id}")
	TaskVoicemails.Message one(@Param("taskId") long taskId, @Param("id") long id);

	@Select("SELECT v.file " + OF_TASK + "AND v.id = #{id}")
	String fileOf(@Param("taskId") long taskId, @Param("id") long id);

	/** The first listener is kept, whichever page they listened on. */
	@Update("UPDATE voicemail SET heard_by = #{by}, heard_at = #{at} WHERE id = #{id} AND heard_at IS NULL")
	int heard(@Param("id") long id, @Param("by") String by, @Param("at") Instant at);
}
