package com.calldesk.center;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The call center's own settings (the tenant's {@code center_settings} row): the service level's
 * threshold N (answered within N s), how long a callback task may stay open, and how many days
 * recordings are kept (null: for ever; the retention job deletes older ones nightly, legal holds kept).
 */
record CenterSettings(@Min(5) @Max(600) int serviceLevelSeconds, @Min(5) @Max(10_080) int callbackSlaMinutes,
		@Min(1) @Max(3650) Integer recordingRetentionDays, String updatedBy, Instant updatedAt) {

	@Mapper
	interface Rows {

		@Select("SELECT service_level_s, callback_sla_minutes, recording_retention_days, updated_by, updated_at FROM center_settings WHERE id = 1")
		CenterSettings read();

		@Update("UPDATE center_settings SET service_level_s = #{s.serviceLevelSeconds}, callback_sla_minutes = #{s.callbackSlaMinutes}, "
				+ "recording_retention_days = #{s.recordingRetentionDays}, updated_by = #{by}, updated_at = #{at} WHERE id = 1")
		int write(@Param("s") CenterSettings settings, @Param("by") String by, @Param("at") Instant at);
	}
}
