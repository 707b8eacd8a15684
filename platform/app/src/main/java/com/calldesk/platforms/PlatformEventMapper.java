package com.calldesk.platforms;

import java.time.Instant;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Platform pushes already taken, in the current tenant's schema. */
@Mapper
interface PlatformEventMapper {

	/** Fails with a duplicate key for a push seen before: that is how a replay is recognised. */
	@Insert("INSERT INTO platform_event (platform, event_id, received_at) VALUES (#{platform}, #{eventId}, #{at})")
	void taken(@Param("platform") String platform, @Param("eventId") String eventId, @Param("at") Instant at);

	@Delete("DELETE FROM platform_event WHERE received_at < #{before}")
	int forget(@Param("before") Instant before);
}
