package com.calldesk.desk;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code call_note} in the current tenant's schema. */
@Mapper
interface CallNoteMapper {

	@Select("SELECT call_id, text, updated_at, updated_by FROM call_note WHERE call_id = #{callId}")
	CallNote find(@Param("callId") String callId);

	@Select("<script>SELECT call_id, text, updated_at, updated_by FROM call_note WHERE call_id IN "
			+ "<foreach collection='callIds' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
	List<CallNote> of(@Param("callIds") Collection<String> callIds);

	/**
	 * One statement whether or not the call has a note yet (MySQL syntax; H2 takes it in MySQL mode), so
	 * two autosaves of the same note racing each other both succeed and the last one wins.
	 */
	@Insert("INSERT INTO call_note (call_id, text, updated_at, updated_by) VALUES (#{callId}, #{text}, #{at}, #{by}) "
			+ "ON DUPLICATE KEY UPDATE text = VALUES(text), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)")
	void save(@Param("callId") String callId, @Param("text") String text, @Param("at") Instant at, @Param("by") String by);
}
