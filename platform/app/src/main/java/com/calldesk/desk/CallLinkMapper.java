package com.calldesk.desk;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code call_link} in the current tenant's schema: which events and work orders a call is linked to. */
@Mapper
interface CallLinkMapper {

	/** Throws a {@code DuplicateKeyException} when the call is linked to the target already. */
	@Insert("INSERT INTO call_link (call_id, kind, target_id, created_at, created_by) VALUES (#{callId}, #{kind}, #{targetId}, #{at}, #{by})")
	void insert(@Param("callId") String callId, @Param("kind") LinkKind kind, @Param("targetId") long targetId, @Param("at") Instant at,
			@Param("by") String by);

	@Select("SELECT target_id FROM call_link WHERE call_id = #{callId} AND kind = #{kind} ORDER BY created_at, target_id")
	List<Long> targets(@Param("callId") String callId, @Param("kind") LinkKind kind);

	@Select("<script>SELECT DISTINCT call_id FROM call_link WHERE kind = #{kind} AND target_id IN "
			+ "<foreach collection='targetIds' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
	List<String> callsLinkedTo(@Param("kind") LinkKind kind, @Param("targetIds") Collection<Long> targetIds);
}
