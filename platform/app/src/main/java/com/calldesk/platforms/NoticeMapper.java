package com.calldesk.platforms;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The outbox of platform notices in the current tenant's schema. */
@Mapper
interface NoticeMapper {

	/** One row of {@code platform_notice}. */
	record Row(long id, String noticeKey, String platform, String platformUserId, String kind, String subject, String payload, String status,
			int attempts, Instant nextAttemptAt, String lastError, String platformMessageId, Instant createdAt, Instant sentAt) {
	}

	/** Holder for the generated id. */
	final class NewId {

		private Long id;

		public Long getId() {
			return id;
		}

		public void setId(Long id) {
			this.id = id;
		}
	}

	String COLUMNS = "id, notice_key, platform, platform_user_id, kind, subject, payload, status, attempts, next_attempt_at, last_error, "
			+ "platform_message_id, created_at, sent_at";

	/** Fails with a duplicate key when another node (or an earlier event) queued the same notice. */
	@Insert("INSERT INTO platform_notice (notice_key, platform, platform_user_id, kind, subject, payload, status, attempts, next_attempt_at, "
			+ "created_at) VALUES (#{key}, #{platform}, #{user}, #{kind}, #{subject}, #{payload}, 'PENDING', 0, #{at}, #{at})")
	@Options(useGeneratedKeys = true, keyProperty = "id.id")
	void insert(@Param("key") String key, @Param("platform") String platform, @Param("user") String platformUserId, @Param("kind") String kind,
			@Param("subject") String subject, @Param("payload") String payload, @Param("at") Instant at, @Param("id") NewId id);

	@Select("SELECT " + COLUMNS + " FROM platform_notice WHERE status = 'PENDING' AND next_attempt_at <= #{now} "
			+ "AND (claimed_until IS NULL OR claimed_until < #{now}) ORDER BY next_attempt_at, id LIMIT #{limit}")
	List<Row> due(@Param("now") Instant now, @Param("limit") int limit);

	@Select("SELECT " + COLUMNS + " FROM platform_notice WHERE id = #{id}")
	Row byId(@Param("id") long id);

	/** One sender at a time: the node that moves the claim forward sends, the others skip. */
	@Update("UPDATE platform_notice SET claimed_until = #{until} WHERE id = #{id} AND status = 'PENDING' "
			+ "AND (claimed_until IS NULL OR claimed_until < #{now})")
	int claim(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until);

	@Update("UPDATE platform_notice SET status = 'SENT', attempts = attempts + 1, platform_message_id = #{messageId}, sent_at = #{at}, "
			+ "last_error = NULL, claimed_until = NULL WHERE id = #{id}")
	void sent(@Param("id") long id, @Param("messageId") String messageId, @Param("at") Instant at);

	@Update("UPDATE platform_notice SET attempts = attempts + #{counted}, next_attempt_at = #{next}, last_error = #{error}, claimed_until = NULL "
			+ "WHERE id = #{id}")
	void later(@Param("id") long id, @Param("counted") int counted, @Param("next") Instant next, @Param("error") String error);

	@Update("UPDATE platform_notice SET status = #{status}, attempts = attempts + #{counted}, last_error = #{error}, claimed_until = NULL "
			+ "WHERE id = #{id}")
	void gaveUp(@Param("id") long id, @Param("status") String status, @Param("counted") int counted, @Param("error") String error);

	/** What the administrator sees: the notices that failed or are being retried, newest first. */
	@Select("SELECT " + COLUMNS + " FROM platform_notice WHERE status IN ('FAILED', 'EXPIRED') OR (status = 'PENDING' AND attempts > 0) "
			+ "ORDER BY id DESC LIMIT #{limit}")
	List<Row> troubled(@Param("limit") int limit);

	@Select("SELECT " + COLUMNS + " FROM platform_notice ORDER BY id DESC LIMIT #{limit}")
	List<Row> latest(@Param("limit") int limit);
}
