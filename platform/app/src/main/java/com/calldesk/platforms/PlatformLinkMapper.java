package com.calldesk.platforms;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The current tenant's platform links. */
@Mapper
interface PlatformLinkMapper {

	/** One row of {@code platform_link}. */
	record Row(String platform, boolean enabled, String settings, String secrets, Instant checkedAt, String updatedBy, Instant updatedAt,
			int version) {
	}

	String COLUMNS = "platform, enabled, settings, secrets, checked_at, updated_by, updated_at, version";

	@Select("SELECT " + COLUMNS + " FROM platform_link ORDER BY platform")
	List<Row> all();

	@Select("SELECT " + COLUMNS + " FROM platform_link WHERE platform = #{platform}")
	Row byPlatform(@Param("platform") String platform);

	@Insert("INSERT INTO platform_link (" + COLUMNS + ") VALUES (#{r.platform}, #{r.enabled}, #{r.settings}, #{r.secrets}, #{r.checkedAt}, "
			+ "#{r.updatedBy}, #{r.updatedAt}, 1)")
	void insert(@Param("r") Row row);

	/** Only over the version the writer read: two administrators saving at once, one wins. */
	@Update("UPDATE platform_link SET enabled = #{r.enabled}, settings = #{r.settings}, secrets = #{r.secrets}, checked_at = #{r.checkedAt}, "
			+ "updated_by = #{r.updatedBy}, updated_at = #{r.updatedAt}, version = version + 1 WHERE platform = #{r.platform} AND version = #{r.version}")
	int update(@Param("r") Row row);

	@Update("UPDATE platform_link SET enabled = #{enabled}, updated_by = #{by}, updated_at = #{at}, version = version + 1 WHERE platform = #{platform}")
	int setEnabled(@Param("platform") String platform, @Param("enabled") boolean enabled, @Param("by") String by, @Param("at") Instant at);

	/** Key rotation: the same secrets under the current key; the version stays, nothing else changed. */
	@Update("UPDATE platform_link SET secrets = #{secrets} WHERE platform = #{platform} AND version = #{version}")
	int reseal(@Param("platform") String platform, @Param("secrets") String secrets, @Param("version") int version);
}
