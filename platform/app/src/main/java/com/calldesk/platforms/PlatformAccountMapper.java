package com.calldesk.platforms;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Who is who on the platforms, in the current tenant's schema. */
@Mapper
interface PlatformAccountMapper {

	/** One row of {@code platform_account}. */
	record Row(long id, String platform, String platformUserId, long userId, String displayName, Instant linkedAt, Instant leftAt) {
	}

	String COLUMNS = "id, platform, platform_user_id, user_id, display_name, linked_at, left_at";

	@Select("SELECT " + COLUMNS + " FROM platform_account WHERE platform = #{platform} AND platform_user_id = #{platformUserId}")
	Row byPlatformUser(@Param("platform") String platform, @Param("platformUserId") String platformUserId);

	@Select("SELECT " + COLUMNS + " FROM platform_account WHERE user_id = #{userId} AND left_at IS NULL ORDER BY platform")
	List<Row> ofUser(@Param("userId") long userId);

	@Select("SELECT " + COLUMNS + " FROM platform_account WHERE platform = #{platform} ORDER BY id")
	List<Row> ofPlatform(@Param("platform") String platform);

	@Insert("INSERT INTO platform_account (platform, platform_user_id, user_id, display_name, linked_at) "
			+ "VALUES (#{platform}, #{platformUserId}, #{userId}, #{displayName}, #{at})")
	void insert(@Param("platform") String platform, @Param("platformUserId") String platformUserId, @Param("userId") long userId,
			@Param("displayName") String displayName, @Param("at") Instant at);

	@Update("UPDATE platform_account SET left_at = #{at} WHERE id = #{id} AND left_at IS NULL")
	int left(@Param("id") long id, @Param("at") Instant at);
}
